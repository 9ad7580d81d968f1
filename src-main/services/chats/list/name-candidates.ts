/**
 * The chats whose names may contain `q`, from the trigram index (a superset of the LIKE's
 * matches; the list applies the LIKE on each): a text of 3+ characters is a phrase query on
 * `chat_names_fts` (migration 0011); one of 1–2 characters is every chat holding a trigram that
 * starts with it, read as a range of terms from `chat_names_vocab` (migration 0025: documents
 * end with two line breaks, so every character starts a trigram).
 */
import type { Statement } from 'better-sqlite3';
import type { NameMatch } from './name-match.js';

const PHRASE = 'SELECT rowid AS id FROM chat_names_fts WHERE chat_names_fts MATCH @fts LIMIT @cap';
// DISTINCT with a LIMIT stops after `cap` chats: a common letter reads a few terms only.
const PREFIX = `SELECT DISTINCT doc FROM chat_names_vocab WHERE term >= @from AND term < @to LIMIT @cap`;

/**
 * The candidates' keys (`chat_search_keys.id`) when there are at most `limit`, else null (too
 * many to sort: the list walks its order instead), or null when the index cannot look `q` up.
 */
export function nameCandidates(
  statement: (sql: string) => Statement,
  names: NameMatch,
  limit: number,
): number[] | null {
  let hits: number[];
  if (names.fts !== null)
    hits = statement(PHRASE)
      .pluck()
      .all({ fts: names.fts, cap: limit + 1 }) as number[];
  else if (names.prefix !== null)
    hits = statement(PREFIX)
      .pluck()
      .all({ ...names.prefix, cap: limit + 1 }) as number[];
  else return null;
  return hits.length <= limit ? hits : null;
}
