import type { Statement } from 'better-sqlite3';
import type {
  Assignee,
  AssignmentHistoryEntry,
  ChatAssignment,
  ChatStatus,
} from '../../../src-shared/contract/assignment.js';
import type { Actor } from '../../../src-shared/contract/people.js';
import type { Db } from '../../db/connection.js';

/** A chat's assignment columns, with the names of its person and team. */
export interface AssignmentRow {
  sessionId: string;
  jid: string;
  status: ChatStatus;
  snoozedUntil: number | null;
  userId: string | null;
  userName: string | null;
  teamId: string | null;
  teamName: string | null;
}

interface HistoryDbRow {
  id: number;
  at: number;
  change: 'assignee' | 'status';
  from_value: string | null;
  to_value: string | null;
  actor: string;
  reason: string;
  note: string | null;
}

export interface HistoryRecord {
  sessionId: string;
  chatJid: string;
  at: number;
  change: 'assignee' | 'status';
  from: unknown;
  to: unknown;
  actor: Actor;
  reason: string;
  note: string | null;
}

/** The SQL of assignment: reads and writes of the chat's columns and its history (prepared once). */
export class AssignmentStore {
  private readonly selectRow: Statement<[string, string], AssignmentRow>;
  private readonly updateAssignee: Statement<[string | null, string | null, string, string]>;
  private readonly updateStatus: Statement<[ChatStatus, number | null, string, string]>;
  private readonly insertHistory: Statement<
    [string, string, number, string, string | null, string | null, string, string, string | null]
  >;
  private readonly selectHistory: Statement<[string, string], HistoryDbRow>;
  private readonly selectDueSnoozes: Statement<[number], { sessionId: string; jid: string }>;
  private readonly upsertRead: Statement<[string, string, string, number]>;

  constructor(db: Db) {
    const sqlite = db.$client;
    this.selectRow = sqlite.prepare(
      `SELECT c.session_id AS sessionId, c.jid, c.status, c.snoozed_until AS snoozedUntil,
              c.assignee_user_id AS userId, u.name AS userName, c.assignee_team_id AS teamId, t.name AS teamName
         FROM chats c LEFT JOIN users u ON u.id = c.assignee_user_id LEFT JOIN teams t ON t.id = c.assignee_team_id
        WHERE c.session_id = ? AND c.jid = ?`,
    );
    this.updateAssignee = sqlite.prepare(
      'UPDATE chats SET assignee_user_id = ?, assignee_team_id = ? WHERE session_id = ? AND jid = ?',
    );
    this.updateStatus = sqlite.prepare(
      'UPDATE chats SET status = ?, snoozed_until = ? WHERE session_id = ? AND jid = ?',
    );
    this.insertHistory = sqlite.prepare(
      `INSERT INTO chat_assignment_history (session_id, chat_jid, at, change, from_value, to_value, actor, reason, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.selectHistory = sqlite.prepare(
      `SELECT id, at, change, from_value, to_value, actor, reason, note FROM chat_assignment_history
        WHERE session_id = ? AND chat_jid = ? ORDER BY id DESC LIMIT 500`,
    );
    // Few chats are pending at once; the status index finds them without a scan.
    this.selectDueSnoozes = sqlite.prepare(
      `SELECT session_id AS sessionId, jid FROM chats INDEXED BY chats_status_order_idx
        WHERE status = 'pending' AND snoozed_until IS NOT NULL AND snoozed_until <= ? LIMIT 200`,
    );
    this.upsertRead = sqlite.prepare(
      `INSERT INTO chat_reads (user_id, session_id, chat_jid, read_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, session_id, chat_jid) DO UPDATE SET read_at = excluded.read_at`,
    );
  }

  row(sessionId: string, jid: string): AssignmentRow | undefined {
    return this.selectRow.get(sessionId, jid);
  }

  setAssignee(sessionId: string, jid: string, userId: string | null, teamId: string | null): void {
    this.updateAssignee.run(userId, teamId, sessionId, jid);
  }

  setStatus(sessionId: string, jid: string, status: ChatStatus, snoozedUntil: number | null): void {
    this.updateStatus.run(status, snoozedUntil, sessionId, jid);
  }

  addHistory(record: HistoryRecord): void {
    this.insertHistory.run(
      record.sessionId,
      record.chatJid,
      record.at,
      record.change,
      JSON.stringify(record.from),
      JSON.stringify(record.to),
      JSON.stringify(record.actor),
      record.reason,
      record.note,
    );
  }

  history(sessionId: string, jid: string): AssignmentHistoryEntry[] {
    return this.selectHistory.all(sessionId, jid).map((row) => ({
      id: row.id,
      at: new Date(row.at).toISOString(),
      change: row.change,
      from: row.from_value === null ? null : (JSON.parse(row.from_value) as unknown),
      to: row.to_value === null ? null : (JSON.parse(row.to_value) as unknown),
      actor: JSON.parse(row.actor) as Actor,
      reason: row.reason,
      note: row.note,
    }));
  }

  dueSnoozes(now: number): { sessionId: string; jid: string }[] {
    return this.selectDueSnoozes.all(now);
  }

  markRead(userId: string, sessionId: string, jid: string, at: number): void {
    this.upsertRead.run(userId, sessionId, jid, at);
  }
}

export function assigneeOf(row: AssignmentRow): Assignee {
  return {
    user: row.userId ? { id: row.userId, name: row.userName ?? row.userId } : null,
    team: row.teamId ? { id: row.teamId, name: row.teamName ?? row.teamId } : null,
  };
}

export function toAssignment(row: AssignmentRow): ChatAssignment {
  return {
    session: row.sessionId,
    chat: row.jid,
    status: row.status,
    snoozedUntil: row.snoozedUntil === null ? null : new Date(row.snoozedUntil).toISOString(),
    assignee: assigneeOf(row),
  };
}
