/**
 * The chat list's name filter `q`: chats whose name, contact name (saved, profile or verified)
 * or JID contains the text, as SQLite's LIKE decides (ASCII letters ignore case, `%` and `_`
 * typed by the user are dropped). The trigram index `chat_names_fts` (migration 0011) finds the
 * candidates without reading every chat; the LIKE is still applied, so the index only has to
 * find a superset: trigram folds case for every script, LIKE for ASCII only.
 */

/** The LIKE the list has always applied for `q` (the exact semantics). */
export const NAME_LIKE =
  '(c.name LIKE @q OR ct.name LIKE @q OR ct.notify LIKE @q OR ct.verified_name LIKE @q OR c.jid LIKE @q)';

/** Trigram needs three characters; a shorter text is filtered by the LIKE alone. */
const TRIGRAM = 3;

interface NameMatch {
  /** The LIKE pattern (`@q`). */
  like: string;
  /** The FTS5 query for chat_names_fts (one quoted phrase), or null when the text is too short. */
  fts: string | null;
}

/** Null when `q` filters nothing: empty, or only `%`/`_` (whose `%%` pattern matched every chat). */
export function nameMatch(q: string | undefined): NameMatch | null {
  const text = (q ?? '').replace(/[%_]/g, '');
  if (!text) return null;
  // FTS5 cannot take a NUL even inside a quoted phrase ("unterminated string"). No name holds one,
  // so the LIKE keeps it (and matches nothing) while the index looks for the rest, a superset.
  const indexed = text.replaceAll('\0', '');
  return {
    like: `%${text}%`,
    fts: Array.from(indexed).length >= TRIGRAM ? `"${indexed.replaceAll('"', '""')}"` : null,
  };
}
