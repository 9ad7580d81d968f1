/**
 * Who had a chat at an instant, from its assignment history alone: the kept fold starts its walk
 * there (conversation-table.ts) and so does the reference scan (chat-timelines.ts), so the two
 * attribute every message the same way whenever and however often the chat was folded.
 *
 * Not the chat row: it says who has the chat now, not since when. Read for the messages before a
 * later change (a scan's window ends 30 days after the period, a fold may run before a change),
 * or for a chat whose row was written without a history line, it made the counts depend on
 * when the fold ran (docs/PERFORMANCE.md, session 20).
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/connection.js';
import { assigneeOf, parseJson } from './report-facts.js';
import type { Assignee } from './metrics/timeline.js';

export class ChatHolders {
  private readonly lastBefore: Statement<[string, string, number], { value: string | null }>;
  private readonly firstFrom: Statement<[string, string, number], { value: string | null }>;

  constructor(db: Db) {
    const sqlite = db.$client;
    // Over the chat's few history rows (its index is by id; `at` orders them).
    const change = (value: string, at: string, order: string) =>
      sqlite.prepare<[string, string, number], { value: string | null }>(
        `SELECT ${value} AS value FROM chat_assignment_history INDEXED BY chat_assignment_history_chat_idx
          WHERE session_id = ? AND chat_jid = ? AND change = 'assignee' AND ${at} ORDER BY ${order} LIMIT 1`,
      );
    this.lastBefore = change('to_value', 'at < ?', 'at DESC, id DESC');
    this.firstFrom = change('from_value', 'at >= ?', 'at, id');
  }

  /**
   * Who had the chat just before `at` (a change at `at` itself comes after: the walk applies it):
   * what the latest change before `at` assigned, else what the first change after it took the
   * chat from, else nobody (a chat never assigned).
   */
  at(session: string, chat: string, at: number): Assignee {
    const last = this.lastBefore.get(session, chat, at);
    if (last) return assigneeOf(parseJson(last.value));
    return assigneeOf(parseJson(this.firstFrom.get(session, chat, at)?.value ?? null));
  }
}
