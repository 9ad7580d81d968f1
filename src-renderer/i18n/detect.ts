import { LANGUAGES, SOURCE_LANGUAGE, type Language } from './locales';

/** Old or alternative tags browsers still send for a language we have. */
const ALIASES: Record<string, Language> = { iw: 'he', pt: 'pt-BR' };

/**
 * The best language for a list of requested tags (the browser's or the OS's, most wanted first):
 * an exact match, else the same language in another region (es-MX → es, pt-PT → pt-BR,
 * ar-EG → ar), else English.
 */
export function matchLanguage(requested: readonly string[]): Language {
  for (const tag of requested) {
    const exact = LANGUAGES.find((language) => language.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const base = tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
    const sameLanguage = LANGUAGES.find((language) => language.split('-')[0] === base) ?? ALIASES[base];
    if (sameLanguage) return sameLanguage;
  }
  return SOURCE_LANGUAGE;
}

/** What the browser (or, in the desktop window, the OS) asks for. */
export function systemLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}
