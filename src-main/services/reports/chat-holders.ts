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

const NOBODY: Assignee = Object.freeze({ userId: null, teamId: null });

interface HolderRow {
  /** The chat's place in the list asked for. */
  i: number;
  /** The latest change's `to` (JSON; 'null' for none stored), null when no change came before. */
  last: string | null;
  /** The first change's `from` at or after the instant. */
  next: string | null;
}

export class ChatHolders {
  private readonly holders: Statement<[{ chats: string; at: number }], HolderRow>;

  constructor(db: Db) {
    // One statement for a list of chats (a scan asks for every chat of its window at once, each
    // over its own few history rows: the calls, not the reads, were the cost). Only the chats
    // with an assignee change come back; `LIMIT -1` keeps the inner SELECT from being flattened
    // into the outer one, which would look each chat up twice (in the filter and in the result).
    const change = (value: string, at: string, order: string) =>
      `(SELECT ${value} FROM chat_assignment_history h INDEXED BY chat_assignment_history_chat_idx
         WHERE h.session_id = json_extract(j.value, '$[0]') AND h.chat_jid = json_extract(j.value, '$[1]')
           AND h.change = 'assignee' AND ${at} ORDER BY ${order} LIMIT 1)`;
    this.holders = db.$client.prepare(
      `SELECT i, last, next FROM (
         SELECT j.key AS i, ${change(`coalesce(h.to_value, 'null')`, 'h.at < @at', 'h.at DESC, h.id DESC')} AS last,
                ${change('h.from_value', 'h.at >= @at', 'h.at, h.id')} AS next
           FROM json_each(@chats) j LIMIT -1)
        WHERE last IS NOT NULL OR next IS NOT NULL`,
    );
  }

  /**
   * Who had each chat just before `at` (a change at `at` itself comes after: the walk applies it):
   * what the latest change before `at` assigned, else what the first change after it took the
   * chat from, else nobody (a chat never assigned). In the order of `chats`.
   */
  atEach(chats: readonly { session: string; chat: string }[], at: number): Assignee[] {
    const out = chats.map(() => NOBODY);
    const list = JSON.stringify(chats.map(({ session, chat }) => [session, chat]));
    for (const row of this.holders.iterate({ chats: list, at }))
      out[row.i] = assigneeOf(parseJson(row.last ?? row.next));
    return out;
  }

  /** The same for one chat (the fold's start of a walk). */
  at(session: string, chat: string, at: number): Assignee {
    return this.atEach([{ session, chat }], at)[0]!;
  }
}
