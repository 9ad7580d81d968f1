/**
 * Marks chats whose messages were deleted (retention, forgetting a contact, clearing or deleting
 * a chat) to be folded again, so the kept conversations and counts (conversation-table.ts) stop
 * counting what is gone. The triggers of migration 0028 mark inserts and changes; a deletion is
 * marked by the code that deletes, once per chat and transaction, not by a trigger on each
 * message row (a retention pass deletes hundreds of thousands).
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/connection.js';

/** Fold the chat again from its beginning. */
export const FROM_BEGINNING = -1;

export class RefoldMarks {
  private readonly upsert: Statement<[string, string, number]>;

  constructor(db: Db) {
    this.upsert = db.$client.prepare(
      `INSERT INTO report_dirty_chats (session_id, chat_jid, since) VALUES (?, ?, ?)
         ON CONFLICT (session_id, chat_jid) DO UPDATE SET since = min(since, excluded.since)`,
    );
  }

  /** Marks one chat from `since` (Unix ms, or `FROM_BEGINNING`); groups are never folded. */
  mark(session: string, chat: string, since: number): void {
    if (chat.endsWith('@g.us')) return;
    this.upsert.run(session, chat, since);
  }

  /** Marks each chat of deleted messages from the oldest one deleted in it. */
  markDeleted(rows: Iterable<{ sessionId: string; chatJid: string; timestamp: number }>): void {
    const oldest = new Map<string, { session: string; chat: string; since: number }>();
    for (const row of rows) {
      const key = `${row.sessionId}\u0000${row.chatJid}`;
      const found = oldest.get(key);
      if (!found) oldest.set(key, { session: row.sessionId, chat: row.chatJid, since: row.timestamp });
      else if (row.timestamp < found.since) found.since = row.timestamp;
    }
    for (const { session, chat, since } of oldest.values()) this.mark(session, chat, since);
  }
}
