import { UNSPACED_SCRIPTS } from '../../../src-shared/unspaced-scripts';
import {
  ARABIC_ARTICLE,
  ARABIC_CONJUNCTIONS,
  ARABIC_PREPOSITIONS,
  HEBREW_MAX_PREFIXES,
  HEBREW_PREFIX_LETTERS,
} from '../../../src-shared/word-prefixes';
/** A piece of text, marked when it matches the search. */
interface TextPart {
  text: string;
  hit: boolean;
}

/**
 * The terms of a search as the full-text index reads them: "quoted phrases" stay whole,
 * other words are split on spaces, a trailing * (prefix search) is dropped.
 */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const match of query.matchAll(/"([^"]*)"|(\S+)/g)) {
    const term = (match[1] ?? match[2] ?? '').replace(/"/g, '').replace(/\*+$/, '').trim();
    if (term) terms.push(term);
  }
  return terms;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Starts a word in a spaced script: not right after a letter or digit of one. */
const WORD_START = `(?<![[\\p{L}\\p{N}]--[${UNSPACED_SCRIPTS}]])`;
const STARTS_UNSPACED = new RegExp(`^[${UNSPACED_SCRIPTS}]`, 'u');
/** Search finds Hebrew and Arabic words under their one-letter prefixes; the mark covers them too. */
const HEBREW_PREFIXES = `[${HEBREW_PREFIX_LETTERS}]{0,${HEBREW_MAX_PREFIXES}}`;
const ARABIC_PREFIXES = `[${ARABIC_CONJUNCTIONS}]?[${ARABIC_PREPOSITIONS}]?(?:${ARABIC_ARTICLE}|ل)?`;
const STARTS_HEBREW = /^[\u05D0-\u05EA]/;
const STARTS_ARABIC = /^[\u0621-\u064A]/;

function prefixesBefore(term: string): string {
  if (STARTS_HEBREW.test(term)) return HEBREW_PREFIXES;
  if (STARTS_ARABIC.test(term)) return ARABIC_PREFIXES;
  return '';
}

/**
 * Splits `text` into parts with each occurrence of a query term marked, matching like the
 * index does: case-insensitive, at the start of a word (so "ord" marks "order", not "word"),
 * and anywhere for Chinese, Japanese or Thai, whose characters are each a word to the index;
 * a Hebrew or Arabic term also under its one-letter prefixes (עוגה marks העוגה).
 */
export function splitHighlight(text: string, query: string): TextPart[] {
  const terms = queryTerms(query).sort((a, b) => b.length - a.length);
  if (terms.length === 0 || !text) return text ? [{ text, hit: false }] : [];
  const alternatives = terms.map((term) =>
    STARTS_UNSPACED.test(term)
      ? escapeRegExp(term)
      : `${WORD_START}${prefixesBefore(term)}${escapeRegExp(term)}`,
  );
  const pattern = new RegExp(`(?:${alternatives.join('|')})`, 'giv');
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start), hit: false });
    parts.push({ text: match[0], hit: true });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}

/**
 * A window of a long message around its first hit, so a search result shows why it matched:
 * at most `max` characters, with an ellipsis where text was cut.
 */
export function snippetAround(text: string, query: string, max = 120): string {
  if (text.length <= max) return text;
  const parts = splitHighlight(text, query);
  let offset = 0;
  for (const part of parts) {
    if (part.hit) break;
    offset += part.text.length;
  }
  if (offset >= text.length) offset = 0;
  const start = Math.max(0, Math.min(offset - Math.floor(max / 3), text.length - max));
  const end = Math.min(text.length, start + max);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
