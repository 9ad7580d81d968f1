import type { Database } from 'better-sqlite3';
import { UNSPACED_SCRIPTS } from '../../src-shared/unspaced-scripts.js';
import { withPrefixFreeForms } from './search-prefixes.js';

/** A character of a script written without spaces, with any combining marks that belong to it. */
const UNSPACED_CHAR = new RegExp(`[${UNSPACED_SCRIPTS}]\\p{M}*`, 'gu');
const HAS_UNSPACED = new RegExp(`[${UNSPACED_SCRIPTS}]`, 'u');

/**
 * Text as the search index sees it: each character of a script written without spaces becomes a
 * word of its own (unicode61 alone would index a whole run of them as one word). A query for any
 * run of them is then a phrase of adjacent characters and finds it anywhere (明天 in 我们明天开门).
 * Other text is unchanged. Indexing and queries both go through this.
 */
export function searchText(text: string): string {
  return HAS_UNSPACED.test(text) ? text.replace(UNSPACED_CHAR, (char) => ` ${char} `) : text;
}

/** What the index stores for a message's text: `searchText`, plus Hebrew and Arabic words' prefix-free forms. */
export function indexedText(text: string): string {
  return withPrefixFreeForms(searchText(text));
}

/**
 * The SQL function the search index triggers call (migrations 0010, 0016); every connection needs
 * it. Changing what it returns needs a migration that re-indexes the messages it changes.
 */
export function registerSearchText(sqlite: Database): void {
  sqlite.function('search_text', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? indexedText(text) : text,
  );
}
