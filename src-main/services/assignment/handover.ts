import type { Statement } from 'better-sqlite3';
import type { AssignReason } from '../../../src-shared/contract/assignment.js';
import type { MoveChatsTo } from '../../../src-shared/contract/chat-handover.js';
import type { Actor } from '../../../src-shared/contract/people.js';
import { AppError, type ErrorBody } from '../../../src-shared/errors.js';
import type { Db } from '../../db/connection.js';
import type { AssignmentService, AssignRequest } from './assignment-service.js';

/** Who is being deleted: a person or a team. */
export type ChatOwner = { user: string } | { team: string };

/** Deleting a team or person who still has open chats, without saying where they go. */
export class OpenChatsAssignedError extends AppError {
  constructor(
    readonly openChats: number,
    name: string,
  ) {
    super(
      'CONFLICT',
      `moveChatsTo: ${openChats} open chat${openChats === 1 ? ' is' : 's are'} assigned to ${name}; ` +
        'say where they go ({"user": id}, {"team": id} or "unassigned")',
      'moveChatsTo',
    );
  }

  override toBody(): ErrorBody & { openChats: number } {
    return { ...super.toBody(), openChats: this.openChats };
  }
}

export interface HeldChat {
  sessionId: string;
  jid: string;
  userId: string | null;
}

/**
 * A deleted team's or person's chats (issue #16). Open and pending chats are moved where the
 * request says, each through AssignmentService.assign — so each is checked (a person who may
 * not read the chat's number is refused, naming `moveChatsTo.user`), gets a history line and a
 * `chat.assigned` event with reason `team_deleted` / `person_deleted`. Resolved chats just lose
 * the deleted one (with a history line, no event: `team.deleted` / `user.deleted` says it), so a
 * customer who writes again reopens a chat someone can see. Runs inside the delete's transaction:
 * a refusal leaves both the chats and the team or person as they were.
 */
export class ChatHandover {
  private readonly held: { user: Statement<[string], HeldChat>; team: Statement<[string], HeldChat> };
  private readonly count: { user: Statement<[string], number>; team: Statement<[string], number> };

  constructor(
    private readonly db: Db,
    private readonly assignment: AssignmentService,
  ) {
    const sqlite = db.$client;
    const held = (column: string, statuses: string) =>
      sqlite.prepare<[string], HeldChat>(
        `SELECT session_id AS sessionId, jid, assignee_user_id AS userId FROM chats
          WHERE ${column} = ? AND status IN (${statuses})`,
      );
    const count = (column: string) =>
      sqlite
        .prepare<[string], number>(
          `SELECT count(*) FROM chats WHERE ${column} = ? AND status IN ('open', 'pending')`,
        )
        .pluck();
    this.held = {
      user: held('assignee_user_id', `'open', 'pending'`),
      team: held('assignee_team_id', `'open', 'pending'`),
    };
    this.count = { user: count('assignee_user_id'), team: count('assignee_team_id') };
  }

  /** Open and pending chats assigned to the person or team. */
  openChats(owner: ChatOwner): number {
    return 'user' in owner ? this.count.user.get(owner.user)! : this.count.team.get(owner.team)!;
  }

  /**
   * Moves the chats away from `owner` (named `ownerName` in a refusal); call it inside the
   * delete's transaction, before the delete. Returns how many open or pending chats moved.
   */
  release(owner: ChatOwner, ownerName: string, moveChatsTo: MoveChatsTo | undefined, actor: Actor): number {
    const chats = 'user' in owner ? this.held.user.all(owner.user) : this.held.team.all(owner.team);
    if (chats.length > 0) {
      if (moveChatsTo === undefined) throw new OpenChatsAssignedError(chats.length, ownerName);
      this.assertNotItself(owner, moveChatsTo);
      const reason: AssignReason = 'user' in owner ? 'person_deleted' : 'team_deleted';
      for (const chat of chats) {
        try {
          this.assignment.assign(
            chat.sessionId,
            chat.jid,
            requestFor(owner, moveChatsTo, chat),
            actor,
            reason,
          );
        } catch (error) {
          if (error instanceof AppError && (error.field === 'user' || error.field === 'team')) {
            throw new AppError(error.code, `moveChatsTo.${error.message}`, `moveChatsTo.${error.field}`);
          }
          throw error;
        }
      }
    }
    this.forgetOnResolved(owner, actor);
    return chats.length;
  }

  private assertNotItself(owner: ChatOwner, target: MoveChatsTo): void {
    if (target === 'unassigned') return;
    if ('user' in owner && 'user' in target && target.user === owner.user) {
      throw new AppError(
        'VALIDATION_FAILED',
        'moveChatsTo.user: not the person being deleted',
        'moveChatsTo.user',
      );
    }
    if ('team' in owner && 'team' in target && target.team === owner.team) {
      throw new AppError(
        'VALIDATION_FAILED',
        'moveChatsTo.team: not the team being deleted',
        'moveChatsTo.team',
      );
    }
  }

  /** Resolved chats drop the deleted person or team: one history line each, in two statements. */
  private forgetOnResolved(owner: ChatOwner, actor: Actor): void {
    const column = 'user' in owner ? 'assignee_user_id' : 'assignee_team_id';
    const id = 'user' in owner ? owner.user : owner.team;
    const reason: AssignReason = 'user' in owner ? 'person_deleted' : 'team_deleted';
    const sqlite = this.db.$client;
    // `from` / `to` as AssignmentStore writes them: {user, team}, each {id, name} or null.
    const side = (user: string, team: string) => `json_object('user', ${user}, 'team', ${team})`;
    const ref = (idColumn: string, table: string) =>
      `CASE WHEN ${idColumn} IS NULL THEN NULL ELSE json_object('id', ${idColumn}, 'name',
         coalesce((SELECT name FROM ${table} WHERE id = ${idColumn}), ${idColumn})) END`;
    const user = ref('c.assignee_user_id', 'users');
    const team = ref('c.assignee_team_id', 'teams');
    const after = 'user' in owner ? side('NULL', team) : side(user, 'NULL');
    sqlite
      .prepare(
        `INSERT INTO chat_assignment_history (session_id, chat_jid, at, change, from_value, to_value, actor, reason, note)
         SELECT c.session_id, c.jid, ?, 'assignee', ${side(user, team)}, ${after}, ?, ?, NULL
           FROM chats c WHERE c.${column} = ? AND c.status = 'resolved'`,
      )
      .run(Date.now(), JSON.stringify(actor), reason, id);
    sqlite.prepare(`UPDATE chats SET ${column} = NULL WHERE ${column} = ? AND status = 'resolved'`).run(id);
  }
}

/**
 * The assignment a moved chat gets. A deleted person's chats stay with their team (or go to the
 * target); a deleted team's chats that a person already owns stay that person's.
 */
export function requestFor(owner: ChatOwner, target: MoveChatsTo, chat: HeldChat): AssignRequest {
  if ('user' in owner) {
    if (target === 'unassigned') return { user: null };
    return 'user' in target ? { user: target.user } : { user: null, team: target.team };
  }
  if (target === 'unassigned') return { team: null };
  if ('team' in target) return { team: target.team };
  return chat.userId ? { team: null } : { user: target.user, team: null };
}
