/**
 * The languages Chatdock's UI speaks. `en` is the source: every other catalogue translates it.
 * The two pseudo-locales are generated from English for testing layouts (see pseudo.ts).
 */
export const LANGUAGES = ['en', 'es', 'pt-BR', 'de', 'he', 'ar'] as const;
export const PSEUDO_LOCALES = ['en-XA', 'ar-XB'] as const;

export type Language = (typeof LANGUAGES)[number];
export type PseudoLocale = (typeof PSEUDO_LOCALES)[number];
export type UiLocale = Language | PseudoLocale;

export const SOURCE_LANGUAGE: Language = 'en';

/** Each language's own name, as a speaker would look for it in a list. Not translated on purpose. */
export const LANGUAGE_NAMES: Record<UiLocale, string> = {
  en: 'English',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
  de: 'Deutsch',
  he: 'עברית',
  ar: 'العربية',
  'en-XA': '[Ƥšéûđöļöçåļé]',
  'ar-XB': '[ƦŢĻ Ƥšéûđö]',
};

const RIGHT_TO_LEFT = new Set<UiLocale>(['he', 'ar', 'ar-XB']);

export function directionOf(locale: UiLocale): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr';
}

/** A real language (not a pseudo-locale). */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function isUiLocale(value: unknown): value is UiLocale {
  return (
    typeof value === 'string' &&
    ((LANGUAGES as readonly string[]).includes(value) ||
      (PSEUDO_LOCALES as readonly string[]).includes(value))
  );
}

/**
 * The locale `Intl` formats dates and numbers with. The pseudo-locales are English text in
 * disguise, so they format as English (Intl has no data for the private-use regions XA/XB).
 */
export function formattingLocale(locale: UiLocale): string {
  return locale === 'en-XA' || locale === 'ar-XB' ? 'en' : locale;
}
