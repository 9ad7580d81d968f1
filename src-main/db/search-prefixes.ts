import {
  ARABIC_ARTICLE,
  ARABIC_CONJUNCTIONS,
  ARABIC_PREPOSITIONS,
  HEBREW_MAX_PREFIXES,
  HEBREW_PREFIX_LETTERS,
} from '../../src-shared/word-prefixes.js';

/**
 * Hebrew and Arabic attach short words to the next word: "the", "and", "to", "in", "from", "that"
 * (Hebrew ה ו ל ב מ ש כ, Arabic ال و ف ب ل ك). A search for עוגה must find העוגה and לעוגה, and
 * كتاب must find الكتاب and للكتاب. FTS5 tokenizers cannot be written in JavaScript, so the index
 * is given, after each such word, the forms it has without its prefixes ("לעוגה עוגה"), and a
 * query word stays as typed: it matches the word itself or any word it is the prefix-free form of.
 *
 * The rules strip by spelling, not by dictionary, so some words that merely begin with one of those
 * letters get an extra form (משפחה also indexes שפחה): a search for the shorter word then finds the
 * longer one too. That is the usual trade of light stemming — more found, occasionally one extra.
 */

const HEBREW_PREFIXES = new Set(HEBREW_PREFIX_LETTERS);
const CONJUNCTIONS = new Set(ARABIC_CONJUNCTIONS);
const PREPOSITIONS = new Set(ARABIC_PREPOSITIONS);
/** The shortest form worth indexing: shorter words are mostly the prefixes themselves. */
const MIN_FORM_LETTERS = 2;

const HEBREW_WORD = /^[\u05D0-\u05EA]+$/;
/** Runs of Hebrew or Arabic letters; marks and other scripts end a run. */
const PREFIXED_SCRIPT_WORD = /[\u05D0-\u05EA]+|[\u0621-\u064A]+/g;
const HAS_PREFIXED_SCRIPT = /[\u05D0-\u05EA\u0621-\u064A]/;

function hebrewForms(word: string): string[] {
  const forms: string[] = [];
  for (let start = 1; start <= HEBREW_MAX_PREFIXES; start++) {
    if (!HEBREW_PREFIXES.has(word[start - 1] ?? '')) break;
    if (word.length - start < MIN_FORM_LETTERS) break;
    forms.push(word.slice(start));
  }
  return forms;
}

function arabicForms(word: string): string[] {
  const forms: string[] = [];
  let rest = word;
  const strip = (length: number): boolean => {
    if (rest.length - length < MIN_FORM_LETTERS) return false;
    rest = rest.slice(length);
    forms.push(rest);
    return true;
  };
  if (CONJUNCTIONS.has(rest[0] ?? '')) strip(1);
  if (PREPOSITIONS.has(rest[0] ?? '')) {
    const preposition = rest[0];
    // ل before the article drops its alif: ل + الكتاب is written للكتاب.
    if (strip(1) && preposition === 'ل' && rest.startsWith('ل') && !rest.startsWith(ARABIC_ARTICLE)) strip(1);
  }
  if (rest.startsWith(ARABIC_ARTICLE)) strip(ARABIC_ARTICLE.length);
  return forms;
}

/** The word's forms without its prefixes, longest first; empty when it has none. */
export function prefixFreeForms(word: string): string[] {
  return HEBREW_WORD.test(word) ? hebrewForms(word) : arabicForms(word);
}

/** Does the text hold words of a script whose words carry prefixes? */
export function hasPrefixedScript(text: string): boolean {
  return HAS_PREFIXED_SCRIPT.test(text);
}

/** Text for the index: each Hebrew or Arabic word followed by its prefix-free forms. */
export function withPrefixFreeForms(text: string): string {
  if (!hasPrefixedScript(text)) return text;
  return text.replace(PREFIXED_SCRIPT_WORD, (word) => {
    const forms = prefixFreeForms(word);
    return forms.length ? `${word} ${forms.join(' ')}` : word;
  });
}

/**
 * The most index tokens the forms can put between two words of a phrase: the first word's forms
 * after the one that matched, and the second word itself before the form that matched.
 */
export const MAX_TOKENS_BETWEEN_WORDS = 2 * HEBREW_MAX_PREFIXES;
