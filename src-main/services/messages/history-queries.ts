import type { Statement } from 'better-sqlite3';
import type { Message } from '../../../src-shared/messages.js';
import type { Db } from '../../db/connection.js';
import { hiddenThrough, type HiddenRows } from './hidden-rows.js';
import { toMessage } from './message-rows.js';
import { senderColumn } from './message-sender.js';
import { parseMessageRow } from './message-store.js';
import { REACTIONS_COLUMN, reactionsOf } from './reactions-column.js';
import { searchText } from '../../db/search-text.js';
import { hasPrefixedScript, MAX_TOKENS_BETWEEN_WORDS } from '../../db/search-prefixes.js';

/** The message columns every history read selects (`m` is `messages`). */
export const COLUMNS = `m.row_id AS rowId, m.session_id AS sessionId, m.chat_jid AS chatJid, m.id, m.from_me AS fromMe,
  ${senderColumn('m.')} AS senderJid, m.sender_name AS senderName, m.type, m.text, m.media, m.content, m.quoted_id AS quotedId,
  m.mentions, m.status, m.timestamp, m.edited_at AS editedAt, m.revoked_at AS revokedAt, m.forwarded, NULL AS raw,
  m.sent_by AS sentBy, m.starred_at AS starredAt`;

/**
 * Turns what a person types into an FTS5 query: words must all appear (prefix match with a
 * trailing `*`), "quoted text" is a phrase. Everything is quoted, so FTS syntax characters in
 * the input can never make the query fail.
 */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  // Control characters are never part of an indexed word, and FTS5's parser ends the query at a
  // NUL ("unterminated string"): they separate words like spaces do.
  const text = input.replace(/\p{Cc}/gu, ' ');
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) {
      const phrase = searchText(match[1]).trim();
      if (phrase) parts.push(toFtsPhrase(phrase));
      continue;
    }
    const word = match[2] ?? '';
    const prefix = word.endsWith('*');
    const bare = searchText(word.replace(/\*+$/, '').replace(/"/g, '')).trim();
    if (bare) parts.push(`"${bare}"${prefix ? '*' : ''}`);
  }
  return parts.length ? parts.join(' ') : null;
}

/**
 * A quoted phrase. In Hebrew and Arabic the index holds each word's prefix-free forms right after
 * it (db/search-prefixes.ts), so "עוגה טעימה" is not adjacent in "העוגה הטעימה": such phrases
 * become their words near each other, in any order, within the forms' reach.
 */
function toFtsPhrase(phrase: string): string {
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const words = phrase.split(/\s+/);
  if (words.length < 2 || !hasPrefixedScript(phrase)) return quote(phrase);
  return `NEAR(${words.map(quote).join(' ')}, ${(MAX_TOKENS_BETWEEN_WORDS + 1) * (words.length - 1)})`;
}

interface PageOptions {
  limit: number;
  /** Unix ms: only messages strictly older. */
  before?: number | undefined;
  /** Unix ms: only messages strictly newer. */
  after?: number | undefined;
  /**
   * With `before`/`after`: the row id of the message the last page ended on. WhatsApp times have
   * whole-second resolution, so many messages share one; (time, row id) is the exact position.
   */
  rowId?: number | undefined;
}

/** A page cursor for the REST API: `<unix ms>.<row id>` of the oldest message on the page. */
function encodePageCursor(timestamp: number, rowId: number): string {
  return `${timestamp}.${rowId}`;
}

export function decodePageCursor(cursor: string): { at: number; rowId: number } | null {
  const match = /^(\d+)\.(\d+)$/.exec(cursor);
  return match ? { at: Number(match[1]), rowId: Number(match[2]) } : null;
}

/** Part of a conversation, newest first, with cursors to read on from either end (null: that end reached). */
interface HistoryWindow {
  messages: Message[];
  older: string | null;
  newer: string | null;
}

/**
 * A row as the history statements return it: the message columns (`parseMessageRow` reads
 * them) and its reactions (`REACTIONS_COLUMN`).
 */
export interface StoredRow {
  rowId: number;
  timestamp: number;
  reactions: string | null;
}

/** Reads of stored history: conversation pages and full-text search. */
export class HistoryQueries {
  private readonly pageBefore: Statement;
  private readonly pageAfter: Statement;
  private readonly position: Statement<[string, string, string, number]>;
  private readonly searchHits: Statement;
  /** The same search leaving out hidden rows; prepared when first needed. */
  private searchHitsHiding: Statement | null = null;

  constructor(
    private readonly db: Db,
    /**
     * Deleted sessions' rows still stored (services/hidden-history.ts): kept history, and
     * messages the background removal has not reached. No read shows them.
     */
    private readonly hidden: () => readonly HiddenRows[] = () => [],
  ) {
    const sqlite = db.$client;
    // Both walk messages_chat_time_idx (whose entries end with the row id); no sort step. The
    // last row id parameter hides a deleted session's rows from a new one with the same id.
    this.pageBefore = sqlite.prepare(
      `SELECT ${COLUMNS}, ${REACTIONS_COLUMN} FROM messages m WHERE m.session_id = ? AND m.chat_jid = ? AND (m.timestamp, m.row_id) < (?, ?)
         AND m.row_id > ?
       ORDER BY m.timestamp DESC, m.row_id DESC LIMIT ?`,
    );
    this.pageAfter = sqlite.prepare(
      `SELECT ${COLUMNS}, ${REACTIONS_COLUMN} FROM messages m WHERE m.session_id = ? AND m.chat_jid = ? AND (m.timestamp, m.row_id) > (?, ?)
         AND m.row_id > ?
       ORDER BY m.timestamp ASC, m.row_id ASC LIMIT ?`,
    );
    this.position = sqlite.prepare(
      `SELECT timestamp AS at, row_id AS rowId FROM messages
        WHERE session_id = ? AND chat_jid = ? AND id = ? AND row_id > ?`,
    );
    // Newest hits first, limited inside FTS, then one join for their rows: every hit comes back
    // (its rowid moves the cursor), with the message columns only where the filter matches.
    this.searchHits = sqlite.prepare(
      `SELECT h.rowid AS hit, ${COLUMNS}, ${REACTIONS_COLUMN}
         FROM (SELECT rowid FROM messages_fts WHERE messages_fts MATCH @fts AND rowid < @before
                ORDER BY rowid DESC LIMIT @limit) h
         LEFT JOIN messages m ON m.row_id = h.rowid
          AND (@sessionId IS NULL OR m.session_id = @sessionId) AND (@chatJid IS NULL OR m.chat_jid = @chatJid)
        ORDER BY h.rowid DESC`,
    );
  }

  /** A page of a conversation, newest first. */
  page(sessionId: string, chatJid: string, options: PageOptions): Message[] {
    return this.pageWithCursor(sessionId, chatJid, options).messages;
  }

  /** A page, newest first, and the cursor of the next older page (null at the start of the chat). */
  pageWithCursor(
    sessionId: string,
    chatJid: string,
    options: PageOptions,
  ): { messages: Message[]; next: string | null } {
    const rows = this.readPage(sessionId, chatJid, options);
    const oldest = rows[rows.length - 1];
    return {
      messages: rows.map((row) => storedMessage(row)),
      next: rows.length === options.limit && oldest ? encodePageCursor(oldest.timestamp, oldest.rowId) : null,
    };
  }

  /**
   * The next page from an exact position, for the inbox: older than `before` (or the newest
   * page without one), or newer than `after`. `next` continues in the same direction.
   */
  pageFrom(
    sessionId: string,
    chatJid: string,
    options: { limit: number; before?: string | undefined; after?: string | undefined },
  ): { messages: Message[]; next: string | null } {
    const after = options.after ? decodePageCursor(options.after) : null;
    if (!after) {
      const before = options.before ? decodePageCursor(options.before) : null;
      return this.pageWithCursor(sessionId, chatJid, {
        limit: options.limit,
        ...(before ? { before: before.at, rowId: before.rowId } : {}),
      });
    }
    const rows = this.readPage(sessionId, chatJid, {
      limit: options.limit,
      after: after.at,
      rowId: after.rowId,
    });
    const newest = rows[0];
    return {
      messages: rows.map((row) => storedMessage(row)),
      next: rows.length === options.limit && newest ? encodePageCursor(newest.timestamp, newest.rowId) : null,
    };
  }

  /**
   * `context` messages either side of one message (for jumping to a search hit or a quoted
   * original), by exact position, so neighbours sharing its second are not skipped. Null when
   * the message is not stored.
   */
  around(sessionId: string, chatJid: string, messageId: string, context: number): HistoryWindow | null {
    const at = this.position.get(sessionId, chatJid, messageId, hiddenThrough(this.hidden(), sessionId)) as
      { at: number; rowId: number } | undefined;
    if (!at) return null;
    // (time, row id) < (at, its row id + 1) starts with the message itself: row ids are unique.
    const older = this.pageWithCursor(sessionId, chatJid, {
      limit: context + 1,
      before: at.at,
      rowId: at.rowId + 1,
    });
    const newer = this.pageFrom(sessionId, chatJid, {
      limit: context,
      after: encodePageCursor(at.at, at.rowId),
    });
    return { messages: [...newer.messages, ...older.messages], older: older.next, newer: newer.next };
  }

  /** Rows of one page, newest first. */
  private readPage(sessionId: string, chatJid: string, options: PageOptions): StoredRow[] {
    // Without a row id, "before t" means strictly before t (row ids start at 1), "after t" strictly after.
    const visibleAbove = hiddenThrough(this.hidden(), sessionId);
    return options.after !== undefined
      ? (
          this.pageAfter.all(
            sessionId,
            chatJid,
            options.after,
            options.rowId ?? Number.MAX_SAFE_INTEGER,
            visibleAbove,
            options.limit,
          ) as StoredRow[]
        ).reverse()
      : (this.pageBefore.all(
          sessionId,
          chatJid,
          options.before ?? Number.MAX_SAFE_INTEGER,
          options.rowId ?? 0,
          visibleAbove,
          options.limit,
        ) as StoredRow[]);
  }

  /**
   * Newest messages matching `query`, across one session, one chat or everything. The FTS
   * query is ordered by rowid and limited before the join, so a common word costs the same as
   * a rare one. `beforeRowId` pages further back.
   */
  search(options: {
    query: string;
    sessionId?: string | undefined;
    chatJid?: string | undefined;
    limit: number;
    beforeRowId?: number | undefined;
  }): { messages: Message[]; nextRowId: number | null } {
    const fts = toFtsQuery(options.query);
    if (!fts) return { messages: [], nextRowId: null };
    const hidden = this.hidden();
    const filtered = Boolean(options.sessionId || options.chatJid || hidden.length);
    // With a filter, over-fetch hits in rounds until the page is full or hits run out.
    const batch = filtered ? Math.max(options.limit * 4, 200) : options.limit;
    const found: Message[] = [];
    let cursor = options.beforeRowId ?? Number.MAX_SAFE_INTEGER;
    const filter = { sessionId: options.sessionId ?? null, chatJid: options.chatJid ?? null };
    const statement = hidden.length ? this.hidingStatement() : this.searchHits;
    if (hidden.length) Object.assign(filter, { hidden: JSON.stringify(hidden) });
    for (;;) {
      const hits = statement.all({ fts, before: cursor, limit: batch, ...filter }) as (
        (StoredRow & { hit: number }) | { hit: number; rowId: null }
      )[];
      for (const hit of hits) {
        cursor = hit.hit;
        // No row: filtered out by session or chat (or the index is ahead of the table).
        if (hit.rowId === null) continue;
        found.push(storedMessage(hit));
        if (found.length === options.limit) return { messages: found, nextRowId: hit.hit };
      }
      if (hits.length < batch) return { messages: found, nextRowId: null };
    }
  }

  private hidingStatement(): Statement {
    this.searchHitsHiding ??= this.db.$client.prepare(
      `SELECT h.rowid AS hit, ${COLUMNS}, ${REACTIONS_COLUMN}
         FROM (SELECT rowid FROM messages_fts WHERE messages_fts MATCH @fts AND rowid < @before
                ORDER BY rowid DESC LIMIT @limit) h
         LEFT JOIN messages m ON m.row_id = h.rowid
          AND (@sessionId IS NULL OR m.session_id = @sessionId) AND (@chatJid IS NULL OR m.chat_jid = @chatJid)
          AND NOT EXISTS (SELECT 1 FROM json_each(@hidden) h
                WHERE m.session_id = json_extract(h.value, '$.sessionId')
                  AND m.row_id <= json_extract(h.value, '$.throughRowId'))
        ORDER BY h.rowid DESC`,
    );
    return this.searchHitsHiding;
  }
}

/** The message a history statement's row holds (`COLUMNS` and `REACTIONS_COLUMN`). */
export function storedMessage(stored: StoredRow): Message {
  const row = parseMessageRow(stored as never);
  return toMessage(row.sessionId, row, reactionsOf(stored.reactions));
}
