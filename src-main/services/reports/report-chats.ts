/**
 * The customer chats' integer keys (`report_chats`, migration 0057): the per-chat report tables
 * name a chat by its key, and a read that needs the chat's number or JID (the numbers asked for,
 * the chat's tags) meets its key row by rowid. A key is made by the fold when it first writes a
 * chat and dropped when a refold from the beginning leaves the chat no rows.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/connection.js';

/**
 * SQL: `rows` (a FROM item aliased `x`, with its index) with each row's chat as `k`; CROSS JOIN
 * keeps `x` the outer loop, so the range on `x` drives the read and `k` is one rowid lookup a row
 * (left to itself, the planner may walk every chat of the numbers asked for instead).
 */
export const withChat = (rows: string) => `${rows} CROSS JOIN report_chats k ON k.id = x.chat`;

export class ReportChats {
  private readonly make: Statement<[string, string]>;
  private readonly find: Statement<[string, string], number>;
  private readonly dropUnused: Statement<[number, number, number]>;

  constructor(db: Db) {
    const sqlite = db.$client;
    this.make = sqlite.prepare('INSERT OR IGNORE INTO report_chats (session_id, chat_jid) VALUES (?, ?)');
    this.find = sqlite
      .prepare<[string, string], number>('SELECT id FROM report_chats WHERE session_id = ? AND chat_jid = ?')
      .pluck();
    this.dropUnused = sqlite.prepare(
      `DELETE FROM report_chats WHERE id = ?
          AND NOT EXISTS (SELECT 1 FROM report_conversations WHERE chat = ?)
          AND NOT EXISTS (SELECT 1 FROM report_message_counts WHERE chat = ?)`,
    );
  }

  /** The chat's key, made if it has none. */
  keyOf(session: string, chat: string): number {
    const found = this.find.get(session, chat);
    if (found !== undefined) return found;
    this.make.run(session, chat);
    return this.find.get(session, chat)!;
  }

  /** Drops the key when no row names it any more (an erased chat, a forgotten contact). */
  dropIfUnused(key: number): void {
    this.dropUnused.run(key, key, key);
  }
}
