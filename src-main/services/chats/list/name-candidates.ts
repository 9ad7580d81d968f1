/**
 * The chats whose names may contain `q`, from the trigram index (a superset of the LIKE's
 * matches; the list applies the LIKE on each): a text of 3+ characters is every trigram of it,
 * ANDed, on `chat_names_fts` (migration 0011; no positions since 0044); one of 1–2 characters is
 * every chat holding a trigram that starts with it, read as a range of terms from
 * `chat_names_vocab` (migration 0025: documents end with two line breaks, so every character
 * starts a trigram).
 *
 * The AND of trigrams costs about the sum of their doclists up to where it stops: a name whose
 * trigrams are each common but which is itself found in a few thousand chats (`Tamar Levi` at 1M
 * chats: eight trigrams in 55k–160k chats each) read ~24 ms of doclists to learn that it has more
 * candidates than are worth sorting, and then walked anyway. So the AND is first run for a few
 * hits only (PROBE): FTS5 returns them in key order, so how far into the keys the last of them
 * lies estimates how many there are in all, for a fraction of the cost. Only a name estimated
 * at few chats is read on to the end (from where the probe stopped); a rare name is read to its
 * end by the probe itself, as before.
 */
import type { Statement } from 'better-sqlite3';
import type { NameMatch } from './name-match.js';

const PHRASE =
  'SELECT rowid AS id FROM chat_names_fts WHERE chat_names_fts MATCH @fts AND rowid > @after LIMIT @cap';
// DISTINCT with a LIMIT stops after `cap` chats: a common letter reads a few terms only.
const PREFIX = `SELECT DISTINCT doc FROM chat_names_vocab WHERE term >= @from AND term < @to LIMIT @cap`;
/** The largest key (chat_search_keys.id, the index's rowids): one seek. */
const LAST_KEY = 'SELECT max(id) FROM chat_search_keys';

/** Hits read before estimating the rest. */
export const PROBE = 64;

/**
 * The candidates' keys (`chat_search_keys.id`) when there are at most `limit`, else null (too
 * many to sort: the list walks its order instead), or null when the index cannot look `q` up.
 */
export function nameCandidates(
  statement: (sql: string) => Statement,
  names: NameMatch,
  limit: number,
  probe = PROBE,
): number[] | null {
  if (names.fts !== null) return trigramCandidates(statement, names.fts, limit, probe);
  if (names.prefix === null) return null;
  const hits = statement(PREFIX)
    .pluck()
    .all({ ...names.prefix, cap: limit + 1 }) as number[];
  return hits.length <= limit ? hits : null;
}

function trigramCandidates(
  statement: (sql: string) => Statement,
  fts: string,
  limit: number,
  probe: number,
): number[] | null {
  const hits = statement(PHRASE)
    .pluck()
    .all({ fts, after: 0, cap: Math.min(probe, limit + 1) }) as number[];
  if (hits.length < probe || hits.length > limit) return hits.length <= limit ? hits : null;
  // Keys spread evenly enough (AUTOINCREMENT, one per chat): `probe` hits among the first `last`
  // keys of `max` suggest probe·max/last in all. Twice the limit leaves room for a clustered
  // spread; past it the list walks its order (the result is the same either way, only the cost
  // differs: the LIKE is applied on every walk).
  const last = hits[hits.length - 1] as number;
  const max = (statement(LAST_KEY).pluck().get() as number | null) ?? last;
  if ((probe * max) / Math.max(1, last) > 2 * limit) return null;
  const rest = statement(PHRASE)
    .pluck()
    .all({ fts, after: last, cap: limit + 1 - hits.length }) as number[];
  const all = hits.concat(rest);
  return all.length <= limit ? all : null;
}
