import type { Actor } from '../../../src-shared/contract/people.js';
import type { TeamRouting } from '../../../src-shared/contract/routing.js';
import { AppError } from '../../../src-shared/errors.js';
import type { Db } from '../../db/connection.js';
import type { AssignmentService } from '../assignment/assignment-service.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { People } from '../people/index.js';
import { whyNotAssignable } from './rules-check.js';
import type { RoutingStore, TeamConfig } from './routing-store.js';

export const NOBODY_AVAILABLE = 'nobody available';

interface MemberRow {
  id: string;
  name: string;
  /** 1 available, 0 away. */
  available: number;
  /** Open chats assigned to them now. */
  open: number;
}

/**
 * Gives a chat to a team by the team's method:
 * - `manual` and `let_group_decide`: the team's unassigned queue (nobody in it yet); with
 *   let-the-group-decide the first to take or answer owns it (AssignmentService's
 *   compare-and-set and reply-assigns make one win);
 * - `round_robin`: the next member after the cursor (members in id order, wrapping around) who
 *   is available, may take chats of the number and is under the team's limit of open chats; the
 *   cursor moves to them in the same transaction as the assignment. Nobody available: the
 *   team's queue, with reason `round_robin` and the note "nobody available".
 */
export class TeamRouter {
  private readonly members;
  private readonly teamName;

  constructor(
    db: Db,
    private readonly events: EventRecorder,
    private readonly assignment: AssignmentService,
    private readonly people: Pick<People, 'users' | 'permissions'>,
    private readonly store: RoutingStore,
  ) {
    // Open chats counted on the "Mine" index (assignee, status).
    this.members = db.$client.prepare<[string], MemberRow>(
      `SELECT u.id, u.name, u.available,
              (SELECT COUNT(*) FROM chats c WHERE c.assignee_user_id = u.id AND c.status = 'open') AS open
         FROM team_members m JOIN users u ON u.id = m.user_id
        WHERE m.team_id = ? ORDER BY u.id`,
    );
    this.teamName = db.$client.prepare<[string], { name: string }>('SELECT name FROM teams WHERE id = ?');
  }

  /** Assigns the chat within the team; `reason` is the rule's (`rule:<id>`) or `webhook`. */
  route(
    sessionId: string,
    chat: string,
    teamId: string,
    actor: Actor,
    reason: string,
    note: string | null,
  ): void {
    this.events.transaction(() => {
      const config = this.store.team(teamId);
      if (config.method !== 'round_robin') {
        this.assignment.assign(sessionId, chat, { user: null, team: teamId, ...note0(note) }, actor, reason);
        return;
      }
      const next = this.pick(teamId, config, sessionId);
      if (!next) {
        this.assignment.assign(
          sessionId,
          chat,
          { user: null, team: teamId, note: note ? `${note} · ${NOBODY_AVAILABLE}` : NOBODY_AVAILABLE },
          actor,
          'round_robin',
        );
        return;
      }
      this.assignment.assign(
        sessionId,
        chat,
        { user: next, team: teamId, ...note0(note) },
        actor,
        'round_robin',
      );
      this.store.saveTeam(teamId, { ...config, cursor: next });
    });
  }

  /** Who round robin would pick now (the editor's preview), or null. */
  preview(teamId: string, sessionId: string): string | null {
    const config = this.store.team(teamId);
    return config.method === 'round_robin' ? this.pick(teamId, config, sessionId) : null;
  }

  view(teamId: string): TeamRouting {
    const name = this.teamName.get(teamId)?.name;
    if (name === undefined) throw new AppError('NOT_FOUND', `no team "${teamId}"`, 'team');
    const { method, limit } = this.store.team(teamId);
    return {
      team: { id: teamId, name },
      method,
      limit,
      members: this.members
        .all(teamId)
        .map((m) => ({ id: m.id, name: m.name, available: m.available === 1, open: m.open })),
    };
  }

  private pick(teamId: string, config: TeamConfig, sessionId: string): string | null {
    const members = this.members.all(teamId);
    if (members.length === 0) return null;
    // The first member after the one who got the last chat (ids sort the same way every time,
    // so a member joining or leaving does not reset the turn), wrapping around.
    const cursor = config.cursor;
    const first =
      cursor === null
        ? 0
        : Math.max(
            0,
            members.findIndex((m) => m.id > cursor),
          );
    for (let step = 0; step < members.length; step++) {
      const member = members[(first + step) % members.length]!;
      if (member.available !== 1) continue;
      if (config.limit !== null && member.open >= config.limit) continue;
      if (whyNotAssignable(this.people, member.id, sessionId)) continue;
      return member.id;
    }
    return null;
  }
}

function note0(note: string | null): { note?: string } {
  return note ? { note } : {};
}
