import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { type Language, type UiLocale } from './locales';
import { firstScreenEnglish } from './messages/en-first-screen';
import { pseudoCatalogue } from './pseudo';

export type Messages = Record<string, string> | Record<string, MessageFormatElement[]>;

// Every translated area file, loaded on demand so a person downloads only their own language.
const translations = import.meta.glob<Record<string, string>>(
  ['./messages/*/*.json', '!./messages/*/en.json'],
  { import: 'default' },
);

async function translated(language: Exclude<Language, 'en'>): Promise<Record<string, string>> {
  const files = Object.entries(translations).filter(([path]) => path.endsWith(`/${language}.json`));
  const areas = await Promise.all(files.map(([, load]) => load()));
  return Object.assign({}, ...areas) as Record<string, string>;
}

/**
 * The English texts loaded so far: the first screen's areas, then every area once a lazy page
 * asked for them (`loadPageTexts`). Kept out of the entry bundle: issue #23 target 7.
 */
let source: Record<string, string> = firstScreenEnglish;
let pageTexts: Promise<void> | null = null;

/** Loads the lazy pages' English texts (once); `loadMessages` includes them afterwards. */
export function loadPageTexts(): Promise<void> {
  pageTexts ??= import('./messages/en-pages').then(({ pageEnglish }) => {
    source = { ...firstScreenEnglish, ...pageEnglish };
  });
  return pageTexts;
}

/** Whether `loadMessages` already returns the lazy pages' texts. */
export const pageTextsLoaded = (): boolean => source !== firstScreenEnglish;

/**
 * The messages for a locale. English fills any gap (a key added to the source but not yet
 * translated shows in English rather than as its id; catalogues.test.ts fails on such gaps).
 */
export async function loadMessages(locale: UiLocale): Promise<Messages> {
  if (locale === 'en') return source;
  if (locale === 'en-XA' || locale === 'ar-XB') return pseudoCatalogue(source, locale);
  return { ...source, ...(await translated(locale)) };
}
