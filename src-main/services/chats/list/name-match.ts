/**
 * The chat list's name filter `q`: chats whose name, contact name (saved, profile or verified)
 * or JID contains the text, as SQLite's LIKE decides (ASCII letters ignore case, `%` and `_`
 * typed by the user are dropped). The trigram index `chat_names_fts` (migration 0011) finds the
 * candidates without reading every chat; the LIKE is still applied, so the index only has to
 * find a superset: trigram folds case for every script, LIKE for ASCII only.
 *
 * The LIKE reads the chat's `name_text` (its names joined by U+001F, migration 0048) and its JID,
 * both in the order indexes that hold every chat, so a walk checks it without reading the chat's
 * row or its contact's. A text holding U+001F itself could match across two names there: it is
 * checked on the names one by one (NAME_LIKE, what the filter always applied).
 */

/**
 * The pattern as the LIKEs below read it. Not `LIKE @q`: a LIKE whose pattern is a bare bound
 * parameter makes SQLite recompile the statement at every new binding (the pattern might allow
 * an index range, so the plan could depend on it), i.e. at every page, before it runs; for the
 * merge of every number's list that cost more than the walk itself (issue #28, session 13:
 * the variance between the page query by hand and inside ChatList.list). `@q || ''` is the
 * same text but not a parameter, so the prepared statement is reused as it is. The pattern
 * starts with `%`, so no index range could use it anyway.
 */
const PATTERN = "(@q || '')";

/** The LIKE the list has always applied for `q` (the exact semantics). */
export const NAME_LIKE = `(c.name LIKE ${PATTERN} OR ct.name LIKE ${PATTERN} OR ct.notify LIKE ${PATTERN} OR ct.verified_name LIKE ${PATTERN} OR c.jid LIKE ${PATTERN})`;

/** The same answer for a text without the separator, read from the order indexes alone. */
export const NAME_TEXT_LIKE = `(c.name_text LIKE ${PATTERN} OR c.jid LIKE ${PATTERN})`;

/** What `name_text` joins the names with (migration 0048). */
const SEPARATOR = '\x1f';

/** Trigram needs three characters for a phrase; a shorter text is looked up as a trigram prefix. */
const TRIGRAM = 3;

/** The trigrams that start with a text of 1–2 characters: `from <= term < to` (byte order). */
export interface TrigramPrefix {
  from: string;
  to: string;
}

export interface NameMatch {
  /** The LIKE pattern (`@q`). */
  like: string;
  /** The row condition applying it (NAME_TEXT_LIKE, or NAME_LIKE for a text holding the separator). */
  condition: string;
  /**
   * The FTS5 query for chat_names_fts, or null when the text is shorter than a trigram: every
   * trigram of the text, each quoted, joined by AND (the index keeps no positions since migration
   * 0044, so it cannot take a phrase; the chats holding them all are a superset of the LIKE's).
   */
  fts: string | null;
  /** For a text of 1–2 characters the index can look up: its range of trigrams, else null. */
  prefix: TrigramPrefix | null;
}

/** Null when `q` filters nothing: empty, or only `%`/`_` (whose `%%` pattern matched every chat). */
export function nameMatch(q: string | undefined): NameMatch | null {
  const text = (q ?? '').replace(/[%_]/g, '');
  if (!text) return null;
  // FTS5 cannot take a NUL even inside a quoted phrase ("unterminated string"). No name holds one,
  // so the LIKE keeps it (and matches nothing) while the index looks for the rest, a superset.
  const indexed = text.replaceAll('\0', '');
  const length = Array.from(indexed).length;
  return {
    like: `%${text}%`,
    condition: text.includes(SEPARATOR) ? NAME_LIKE : NAME_TEXT_LIKE,
    fts: length >= TRIGRAM ? trigramQuery(indexed) : null,
    prefix: length > 0 && length < TRIGRAM ? trigramPrefix(indexed) : null,
  };
}

/**
 * The index stores trigrams folded to lower case by its own tables (sqlite's FTS5 fold). For
 * ASCII that is plain lower case, and a character without case is stored as it is; for any other
 * letter (é, ß, Cyrillic…) the two folds could differ, so such a text is not looked up (null:
 * the list walks its order with the LIKE, as it always did).
 */
function trigramPrefix(text: string): TrigramPrefix | null {
  let folded = '';
  for (const char of text) {
    // SQLite reads U+FFFE and U+FFFF as U+FFFD: the index holds neither.
    if (char === '\ufffe' || char === '\uffff') return null;
    if (char <= '\x7f') folded += char.toLowerCase();
    else if (char.toLowerCase() === char && char.toUpperCase() === char) folded += char;
    else return null;
  }
  const chars = Array.from(folded);
  const last = chars.pop()!.codePointAt(0)!;
  if (last >= 0x10ffff) return null;
  // The next code point (past the surrogates, which UTF-8 cannot hold) bounds the range.
  const next = last + 1 >= 0xd800 && last + 1 <= 0xdfff ? 0xe000 : last + 1;
  return { from: folded, to: chars.join('') + String.fromCodePoint(next) };
}

/**
 * `"tam" AND "ama" AND "mar"` for `tamar`: each trigram (three code points, as the tokenizer
 * counts them) once, quoted; the tokenizer folds their case as it folded the documents'.
 */
function trigramQuery(text: string): string {
  const chars = Array.from(text);
  const trigrams = new Set<string>();
  for (let i = 0; i + TRIGRAM <= chars.length; i += 1) trigrams.add(chars.slice(i, i + TRIGRAM).join(''));
  return [...trigrams].map((trigram) => `"${trigram.replaceAll('"', '""')}"`).join(' AND ');
}
