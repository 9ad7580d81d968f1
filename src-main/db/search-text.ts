import type { Database } from 'better-sqlite3';
import { UNSPACED_SCRIPTS } from '../../src-shared/unspaced-scripts.js';

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

/** The SQL function the search index triggers call (migration 0010); every connection needs it. */
export function registerSearchText(sqlite: Database): void {
  sqlite.function('search_text', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? searchText(text) : text,
  );
}
