/**
 * One chat's stored facts as a walk reads them (metrics/timeline.ts): the messages the reports
 * count, classified by who sent them, and the status and assignee changes. Read by the kept fold
 * (conversation-table.ts) piece by piece and by the reference scan where a chat's walk must start
 * before its window (walk-starts.ts).
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/connection.js';
import { assigneeOf, parseJson } from './report-facts.js';
import { senderKinds } from './metrics/sender-kind.js';
import type { AssigneeFact, MessageFact, StatusFact } from './metrics/timeline.js';

/** A counted message as stored. */
export interface FactRow {
  at: number;
  fromMe: number;
  sentBy: string | null;
}

/** A line of `chat_assignment_history`. */
export interface ChangeRow {
  at: number;
  change: 'assignee' | 'status';
  toValue: string | null;
}

/** The messages the reports count (migration 0023's conditions): customer messages with content, and all of ours. */
export const COUNTED_MESSAGE = `(from_me = 1 OR type <> 'waiting')`;

/** Adds a history line to the status or the assignee changes (other statuses are no fact). */
export function addChange(row: ChangeRow, statuses: StatusFact[], assignees: AssigneeFact[]): void {
  if (row.change === 'status') {
    const status = parseJson(row.toValue);
    if (status === 'open' || status === 'pending' || status === 'resolved')
      statuses.push({ at: row.at, status });
  } else assignees.push({ at: row.at, ...assigneeOf(parseJson(row.toValue)) });
}

export class ChatFacts {
  private readonly messages: Statement<[string, string, number, number], FactRow>;
  private readonly changes: Statement<[string, string, number, number], ChangeRow>;
  private readonly classify = senderKinds();

  constructor(db: Db) {
    const sqlite = db.$client;
    // At equal times the customer's come first.
    this.messages = sqlite.prepare(
      `SELECT timestamp AS at, from_me AS fromMe, sent_by AS sentBy FROM messages INDEXED BY messages_chat_time_idx
        WHERE session_id = ? AND chat_jid = ? AND timestamp >= ? AND timestamp < ? AND ${COUNTED_MESSAGE}
        ORDER BY timestamp, from_me`,
    );
    this.changes = sqlite.prepare(
      `SELECT at, change, to_value AS toValue FROM chat_assignment_history
        WHERE session_id = ? AND chat_jid = ? AND at >= ? AND at < ? ORDER BY at, id`,
    );
  }

  /** The chat's counted messages in [from, to) as rows (a piece's own cut is made by its reader). */
  messageRows(session: string, chat: string, from: number, to: number): FactRow[] {
    return this.messages.all(session, chat, from, to);
  }

  /** Rows up to `to` (exclusive) as facts, oldest first. */
  toMessages(rows: readonly FactRow[], to = Number.MAX_SAFE_INTEGER): MessageFact[] {
    const out: MessageFact[] = [];
    for (const row of rows) {
      if (row.at >= to) break;
      if (row.fromMe === 0) out.push({ at: row.at, kind: 'customer', userId: null });
      else out.push({ at: row.at, ...this.classify(row.sentBy) });
    }
    return out;
  }

  /** The chat's status and assignee changes in [from, to), oldest first. */
  changesBetween(
    session: string,
    chat: string,
    from: number,
    to: number,
  ): { statuses: StatusFact[]; assignees: AssigneeFact[] } {
    const statuses: StatusFact[] = [];
    const assignees: AssigneeFact[] = [];
    for (const row of this.changes.all(session, chat, from, to)) addChange(row, statuses, assignees);
    return { statuses, assignees };
  }
}
