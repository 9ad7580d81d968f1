import type { Statement } from 'better-sqlite3';
import type { Message } from '../../../src-shared/messages.js';
import type { Db } from '../../db/connection.js';
import { toMessage, type ReactionRow } from './message-rows.js';
import { parseMessageRow } from './message-store.js';

const COLUMNS = `m.row_id AS rowId, m.session_id AS sessionId, m.chat_jid AS chatJid, m.id, m.from_me AS fromMe,
  m.sender_jid AS senderJid, m.sender_name AS senderName, m.type, m.text, m.media, m.content, m.quoted_id AS quotedId,
  m.mentions, m.status, m.timestamp, m.edited_at AS editedAt, m.revoked_at AS revokedAt, m.forwarded, NULL AS raw,
  m.created_at AS createdAt`;

/**
 * Turns what a person types into an FTS5 query: words must all appear (prefix match with a
 * trailing `*`), "quoted text" is a phrase. Everything is quoted, so FTS syntax characters in
 * the input can never make the query fail.
 */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (const match of input.matchAll(pattern)) {
    if (match[1] !== undefined) {
      const phrase = match[1].trim();
      if (phrase) parts.push(`"${phrase.replace(/"/g, '""')}"`);
      continue;
    }
    const word = match[2] ?? '';
    const prefix = word.endsWith('*');
    const bare = word.replace(/\*+$/, '').replace(/"/g, '');
    if (bare) parts.push(`"${bare}"${prefix ? '*' : ''}`);
  }
  return parts.length ? parts.join(' ') : null;
}

export interface PageOptions {
  limit: number;
  /** Unix ms: only messages strictly older. */
  before?: number | undefined;
  /** Unix ms: only messages strictly newer. */
  after?: number | undefined;
}

/** Reads of stored history: conversation pages and full-text search. */
export class HistoryQueries {
  private readonly pageBefore: Statement;
  private readonly pageAfter: Statement;
  private readonly reactions: Statement<[string, string, string]>;

  constructor(private readonly db: Db) {
    const sqlite = db.$client;
    // Both walk messages_chat_time_idx; no sort step (see the migration test's query plans).
    this.pageBefore = sqlite.prepare(
      `SELECT ${COLUMNS} FROM messages m WHERE m.session_id = ? AND m.chat_jid = ? AND m.timestamp < ?
       ORDER BY m.timestamp DESC LIMIT ?`,
    );
    this.pageAfter = sqlite.prepare(
      `SELECT ${COLUMNS} FROM messages m WHERE m.session_id = ? AND m.chat_jid = ? AND m.timestamp > ?
       ORDER BY m.timestamp ASC LIMIT ?`,
    );
    this.reactions = sqlite.prepare(
      `SELECT sender_jid, emoji, timestamp FROM message_reactions WHERE session_id = ? AND chat_jid = ? AND message_id = ?`,
    );
  }

  /** A page of a conversation, newest first. */
  page(sessionId: string, chatJid: string, options: PageOptions): Message[] {
    const rows =
      options.after !== undefined
        ? (this.pageAfter.all(sessionId, chatJid, options.after, options.limit) as never[]).reverse()
        : (this.pageBefore.all(
            sessionId,
            chatJid,
            options.before ?? Number.MAX_SAFE_INTEGER,
            options.limit,
          ) as never[]);
    return rows.map((raw) => this.toMessage(parseMessageRow(raw)));
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
    const filtered = Boolean(options.sessionId || options.chatJid);
    // With a filter, over-fetch hits in rounds until the page is full or hits run out.
    const batch = filtered ? Math.max(options.limit * 4, 200) : options.limit;
    const sqlite = this.db.$client;
    const hitsStatement = sqlite.prepare(
      `SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?`,
    );
    const load = sqlite.prepare(`SELECT ${COLUMNS} FROM messages m WHERE m.row_id = ?`);
    const found: Message[] = [];
    let cursor = options.beforeRowId ?? Number.MAX_SAFE_INTEGER;
    for (;;) {
      const hits = hitsStatement.all(fts, cursor, batch) as { rowid: number }[];
      for (const hit of hits) {
        cursor = hit.rowid;
        const raw = load.get(hit.rowid) as never;
        if (!raw) continue;
        const row = parseMessageRow(raw);
        if (options.sessionId && row.sessionId !== options.sessionId) continue;
        if (options.chatJid && row.chatJid !== options.chatJid) continue;
        found.push(this.toMessage(row));
        if (found.length === options.limit) return { messages: found, nextRowId: hit.rowid };
      }
      if (hits.length < batch) return { messages: found, nextRowId: null };
    }
  }

  private toMessage(row: ReturnType<typeof parseMessageRow>): Message {
    return toMessage(
      row.sessionId,
      row,
      this.reactions.all(row.sessionId, row.chatJid, row.id) as ReactionRow[],
    );
  }
}
