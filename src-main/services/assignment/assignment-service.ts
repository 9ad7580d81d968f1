import type {
  Assignee,
  AssignmentHistoryEntry,
  ChatAssignment,
  ChatStatus,
} from '../../../src-shared/contract/assignment.js';
import type { Actor } from '../../../src-shared/contract/people.js';
import { AppError } from '../../../src-shared/errors.js';
import { jidKind } from '../../../src-shared/jid.js';
import type { Db } from '../../db/connection.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { People } from '../people/index.js';
import { AssignmentStore, assigneeOf, toAssignment, type AssignmentRow } from './assignment-store.js';

export interface AssignRequest {
  /** A person id, or null for nobody; undefined keeps the current person. */
  user?: string | null | undefined;
  /** A team id, or null for no team; undefined keeps the current team. */
  team?: string | null | undefined;
  /** Compare-and-set: the person the caller saw owning the chat (null: nobody). */
  ifAssignee?: string | null | undefined;
  note?: string | undefined;
}

export interface StatusRequest {
  status: ChatStatus;
  /** Unix ms; only with `pending`. */
  snoozeUntil?: number | undefined;
}

/**
 * A chat's status and assignee, with the rules of issue #16:
 * - an assignee must be a person who is enabled and may read the number, and/or a team that exists
 *   (refused naming the field otherwise);
 * - `ifAssignee` makes "take this chat" a compare-and-set: of two people taking the same chat,
 *   the second finds it owned and gets a 409 naming the owner (SQLite runs one write at a time,
 *   so the check and the write cannot interleave);
 * - every change is one transaction: the columns, a history row and its event
 *   (`chat.assigned` / `chat.status_changed`), so nothing is announced that was not stored.
 */
export class AssignmentService {
  readonly store: AssignmentStore;

  constructor(
    private readonly db: Db,
    private readonly events: EventRecorder,
    private readonly people: Pick<People, 'users' | 'teams' | 'permissions'>,
    private readonly now: () => number = Date.now,
  ) {
    this.store = new AssignmentStore(db);
  }

  get(sessionId: string, jid: string): ChatAssignment {
    return toAssignment(this.row(sessionId, jid));
  }

  history(sessionId: string, jid: string): AssignmentHistoryEntry[] {
    this.row(sessionId, jid);
    return this.store.history(sessionId, jid);
  }

  assign(
    sessionId: string,
    jid: string,
    request: AssignRequest,
    actor: Actor,
    reason: string,
  ): ChatAssignment {
    return this.events.transaction(() => {
      const row = this.row(sessionId, jid);
      assertConversation(jid);
      if (request.ifAssignee !== undefined && request.ifAssignee !== row.userId) {
        throw new AppError(
          'CONFLICT',
          row.userId
            ? `${row.userName ?? row.userId} has this chat already`
            : 'this chat was unassigned meanwhile',
          'ifAssignee',
        );
      }
      const userId = request.user === undefined ? row.userId : request.user;
      const teamId = request.team === undefined ? row.teamId : request.team;
      if (userId !== null && userId !== row.userId) this.assertAssignable(userId, sessionId);
      if (teamId !== null && teamId !== row.teamId) this.assertTeam(teamId, 'team');
      if (userId === row.userId && teamId === row.teamId) return toAssignment(row);
      const from = assigneeOf(row);
      this.store.setAssignee(sessionId, jid, userId, teamId);
      const after = this.row(sessionId, jid);
      const to = assigneeOf(after);
      const note = request.note ?? null;
      this.store.addHistory({
        sessionId,
        chatJid: jid,
        at: this.now(),
        change: 'assignee',
        from,
        to,
        actor,
        reason,
        note,
      });
      this.events.record('chat.assigned', sessionId, { chat: jid, from, to, actor, reason, note }, actor);
      return toAssignment(after);
    });
  }

  setStatus(
    sessionId: string,
    jid: string,
    request: StatusRequest,
    actor: Actor,
    reason = 'manual',
  ): ChatAssignment {
    if (request.snoozeUntil !== undefined) {
      if (request.status !== 'pending') {
        throw new AppError(
          'VALIDATION_FAILED',
          'snoozeUntil: only a pending chat can be snoozed',
          'snoozeUntil',
        );
      }
      if (request.snoozeUntil <= this.now()) {
        throw new AppError('VALIDATION_FAILED', 'snoozeUntil: must be in the future', 'snoozeUntil');
      }
    }
    return this.events.transaction(() => {
      const row = this.row(sessionId, jid);
      assertConversation(jid);
      const snoozedUntil = request.status === 'pending' ? (request.snoozeUntil ?? null) : null;
      if (row.status === request.status && row.snoozedUntil === snoozedUntil) return toAssignment(row);
      this.store.setStatus(sessionId, jid, request.status, snoozedUntil);
      this.store.addHistory({
        sessionId,
        chatJid: jid,
        at: this.now(),
        change: 'status',
        from: row.status,
        to: request.status,
        actor,
        reason,
        note: null,
      });
      const snoozed = snoozedUntil === null ? null : new Date(snoozedUntil).toISOString();
      this.events.record(
        'chat.status_changed',
        sessionId,
        { chat: jid, from: row.status, to: request.status, snoozedUntil: snoozed, actor, reason },
        actor,
      );
      return this.get(sessionId, jid);
    });
  }

  /**
   * Several chats at once (select mode): all or nothing, so a refused chat (unknown, or an
   * assignee who may not read the number) names its index and changes none.
   */
  bulk(
    sessionId: string,
    jids: readonly string[],
    change: {
      user?: string | null | undefined;
      team?: string | null | undefined;
      status?: ChatStatus | undefined;
    },
    actor: Actor,
  ): { items: ChatAssignment[] } {
    return this.events.transaction(() => ({
      items: jids.map((jid, index) => {
        try {
          if (change.user !== undefined || change.team !== undefined) {
            this.assign(sessionId, jid, { user: change.user, team: change.team }, actor, 'manual');
          }
          return change.status
            ? this.setStatus(sessionId, jid, { status: change.status }, actor)
            : this.get(sessionId, jid);
        } catch (error) {
          if (error instanceof AppError && error.field === 'chat') {
            throw new AppError(error.code, error.message, `chats.${index}`);
          }
          throw error;
        }
      }),
    }));
  }

  /** A bot hands over: the chat goes to the team's queue (nobody in it yet) and opens. */
  handoff(sessionId: string, jid: string, teamId: string, note: string | null, actor: Actor): ChatAssignment {
    return this.events.transaction(() => {
      this.assertTeam(teamId, 'team');
      this.assign(sessionId, jid, { user: null, team: teamId, ...(note ? { note } : {}) }, actor, 'handoff');
      return this.setStatus(sessionId, jid, { status: 'open' }, actor, 'handoff');
    });
  }

  /** Opens a resolved or snoozed chat (a customer wrote, or its snooze ended). */
  reopen(sessionId: string, jid: string, actor: Actor, reason: string): void {
    if (jidKind(jid) === 'newsletter') return;
    const row = this.store.row(sessionId, jid);
    if (!row || row.status === 'open') return;
    this.setStatus(sessionId, jid, { status: 'open' }, actor, reason);
  }

  /** Snoozed chats whose time came, opened again; returns how many. */
  wakeDueSnoozes(): number {
    const due = this.store.dueSnoozes(this.now());
    for (const chat of due) this.reopen(chat.sessionId, chat.jid, SNOOZE_ACTOR, 'snooze_ended');
    return due.length;
  }

  markReadForMe(userId: string, sessionId: string, jid: string): { readAt: string } {
    this.row(sessionId, jid);
    const at = this.now();
    this.store.markRead(userId, sessionId, jid, at);
    return { readAt: new Date(at).toISOString() };
  }

  assigneeOf(sessionId: string, jid: string): Assignee | null {
    const row = this.store.row(sessionId, jid);
    return row ? assigneeOf(row) : null;
  }

  private row(sessionId: string, jid: string): AssignmentRow {
    const row = this.store.row(sessionId, jid);
    if (!row) throw new AppError('NOT_FOUND', `no chat "${jid}" on number "${sessionId}"`, 'chat');
    return row;
  }

  /** Enabled, and may read the number (owners and admins read every number). */
  private assertAssignable(userId: string, sessionId: string): void {
    const person = this.people.users.findRow(userId);
    if (!person) throw new AppError('VALIDATION_FAILED', `user: no person with id "${userId}"`, 'user');
    if (person.disabled) {
      throw new AppError(
        'VALIDATION_FAILED',
        `user: ${person.name} is disabled and cannot be assigned`,
        'user',
      );
    }
    if (person.role === 'owner' || person.role === 'admin') return;
    const read = this.people.permissions.rightsOf(userId).get(sessionId)?.read ?? 'none';
    if (read === 'none') {
      throw new AppError(
        'VALIDATION_FAILED',
        `user: ${person.name} may not read the chats of number "${sessionId}"`,
        'user',
      );
    }
  }

  private assertTeam(teamId: string, field: string): void {
    const exists = this.db.$client.prepare('SELECT 1 FROM teams WHERE id = ?').get(teamId);
    if (!exists) throw new AppError('VALIDATION_FAILED', `${field}: no team with id "${teamId}"`, field);
  }
}

const SNOOZE_ACTOR: Actor = Object.freeze({ type: 'system', id: null, name: 'Snooze' });

/**
 * Channels (newsletters) are not conversations to assign (issue #19): nobody handles them, they
 * have no status, and a post in an owned one is not a reply that takes the chat.
 */
function assertConversation(jid: string): void {
  if (jidKind(jid) === 'newsletter') {
    throw new AppError(
      'VALIDATION_FAILED',
      'chat: a channel is not a conversation to assign or resolve',
      'chat',
    );
  }
}
