/**
 * The SQL that feeds the reports, prepared once. Every read of a period walks an index in time
 * order (migration 0023; `query-plans.test.ts` checks the plans): a number's incoming and outgoing
 * messages, the assignment history by time; chats, tags and names by key.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/connection.js';

export interface IncomingRow {
  at: number;
  chat: string;
}
export interface OutgoingRow extends IncomingRow {
  sentBy: string | null;
}
export interface HistoryRow {
  session: string;
  chat: string;
  at: number;
  change: 'assignee' | 'status';
  toValue: string | null;
}
/** Open (not snoozed) customer chats of one number and assignee whose newest message is the customer's. */
export interface WaitingChatsRow {
  session: string;
  userId: string | null;
  teamId: string | null;
  waiting: number;
  /** The newest message of the longest-waiting one. */
  oldest: number;
}
/** Open (or snoozed) chats of one number and assignee, and how many of them wait. */
export interface OpenChatsRow extends Omit<WaitingChatsRow, 'oldest'> {
  open: number;
}

export class ReportQueries {
  private readonly incoming: Statement<[string, number, number], IncomingRow>;
  private readonly outgoing: Statement<[string, number, number], OutgoingRow>;
  private readonly historyRows: Statement<[number, number], HistoryRow>;
  private readonly taggings: Statement<[], { session: string; chat: string; tagId: string }>;
  private readonly sessionRows: Statement<[], { id: string; name: string }>;
  private readonly named: Record<'user' | 'team' | 'tag', Statement<[], { id: string; name: string }>>;
  private readonly waitingChats: Statement<[], WaitingChatsRow>;
  private readonly openChats: Statement<[], Omit<OpenChatsRow, 'waiting' | 'oldest'>>;
  private readonly tagged: Statement<[string], { session: string; chat: string }>;
  private readonly staffRows: Statement<[], { id: string; name: string; available: number }>;

  constructor(db: Db) {
    const sqlite = db.$client;
    this.incoming = sqlite.prepare(
      `SELECT timestamp AS at, chat_jid AS chat FROM messages INDEXED BY messages_report_in_idx
        WHERE session_id = ? AND from_me = 0 AND type <> 'waiting' AND timestamp >= ? AND timestamp < ?
        ORDER BY timestamp`,
    );
    this.outgoing = sqlite.prepare(
      `SELECT timestamp AS at, chat_jid AS chat, sent_by AS sentBy FROM messages INDEXED BY messages_report_out_idx
        WHERE session_id = ? AND from_me = 1 AND timestamp >= ? AND timestamp < ?
        ORDER BY timestamp`,
    );
    this.historyRows = sqlite.prepare(
      `SELECT session_id AS session, chat_jid AS chat, at, change, to_value AS toValue
         FROM chat_assignment_history INDEXED BY chat_assignment_history_at_idx
        WHERE at >= ? AND at < ? ORDER BY at, id`,
    );
    // Every tagging: read once per report rather than once per chat.
    this.taggings = sqlite.prepare(
      'SELECT session_id AS session, chat_jid AS chat, tag_id AS tagId FROM chat_tags',
    );
    this.tagged = sqlite.prepare(
      'SELECT session_id AS session, chat_jid AS chat FROM chat_tags INDEXED BY chat_tags_order_idx WHERE tag_id = ?',
    );
    this.staffRows = sqlite.prepare(
      'SELECT id, name, available FROM users WHERE disabled = 0 ORDER BY available DESC, name COLLATE NOCASE',
    );
    this.sessionRows = sqlite.prepare('SELECT id, name FROM sessions ORDER BY id');
    this.named = {
      user: sqlite.prepare('SELECT id, name FROM users'),
      team: sqlite.prepare('SELECT id, name FROM teams'),
      tag: sqlite.prepare('SELECT id, name FROM tags'),
    };
    // "Waiting now" over the partial index of migration 0040, in the group's own order (no sort,
    // no table lookup): the open customer chats whose newest message is the customer's.
    this.waitingChats = sqlite.prepare(
      `SELECT session_id AS session, assignee_user_id AS userId, assignee_team_id AS teamId,
              count(*) AS waiting, min(last_message_at) AS oldest
         FROM chats INDEXED BY chats_waiting_idx
        WHERE status = 'open' AND kind = 'user' AND last_message_from_me = 0 AND last_message_at IS NOT NULL
        GROUP BY session_id, assignee_user_id, assignee_team_id`,
    );
    // The live board's open and snoozed chats over the status index, grouped by who has them
    // (read when the board asks, not by a report).
    this.openChats = sqlite.prepare(
      `SELECT session_id AS session, assignee_user_id AS userId, assignee_team_id AS teamId, count(*) AS open
         FROM chats INDEXED BY chats_status_order_idx
        WHERE status IN ('open', 'pending') AND kind = 'user' AND last_message_at IS NOT NULL
        GROUP BY session_id, assignee_user_id, assignee_team_id`,
    );
  }

  incomingOf(session: string, from: number, to: number): IncomingRow[] {
    return this.incoming.all(session, from, to);
  }

  outgoingOf(session: string, from: number, to: number): OutgoingRow[] {
    return this.outgoing.all(session, from, to);
  }

  history(from: number, to: number): HistoryRow[] {
    return this.historyRows.all(from, to);
  }

  /** Each tagged chat's tag ids, by `session \0 chat`. */
  tags(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const row of this.taggings.all()) {
      const key = `${row.session}\u0000${row.chat}`;
      const list = out.get(key);
      if (list) list.push(row.tagId);
      else out.set(key, [row.tagId]);
    }
    return out;
  }

  sessions(): { id: string; name: string }[] {
    return this.sessionRows.all();
  }

  names(kind: 'user' | 'team' | 'tag'): Map<string, string> {
    return new Map(this.named[kind].all().map((row) => [row.id, row.name]));
  }

  chatsTagged(tagId: string): { session: string; chat: string }[] {
    return this.tagged.all(tagId);
  }

  staff(): { id: string; name: string; available: number }[] {
    return this.staffRows.all();
  }

  /** Waiting chats by number and assignee ("waiting now", "oldest waiting"). */
  waiting(): WaitingChatsRow[] {
    return this.waitingChats.all();
  }

  /** Open or snoozed chats by number and assignee, with how many of them wait (the live board). */
  open(): OpenChatsRow[] {
    const key = (row: { session: string; userId: string | null; teamId: string | null }) =>
      `${row.session}\u0000${row.userId ?? ''}\u0000${row.teamId ?? ''}`;
    const waiting = new Map(this.waitingChats.all().map((row) => [key(row), row.waiting]));
    return this.openChats.all().map((row) => ({ ...row, waiting: waiting.get(key(row)) ?? 0 }));
  }
}
