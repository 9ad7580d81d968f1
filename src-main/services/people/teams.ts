import { randomUUID } from 'node:crypto';
import { AppError } from '../../../src-shared/errors.js';
import type { Actor, Team } from '../../../src-shared/contract/people.js';
import type { Db } from '../../db/connection.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { EventRecorder } from '../events/event-recorder.js';
import { nameKey } from './names.js';

interface TeamDbRow {
  id: string;
  name: string;
  created_at: string;
}

/**
 * Groups of people ("Sales", "Support"): permissions may name a team, and assignment will.
 * Names are unique ignoring case. Deleting a team deletes its grants with it (foreign keys), so
 * no permission ever points at a team that is gone.
 */
export class TeamService {
  private readonly changeListeners: (() => void)[] = [];

  constructor(
    private readonly db: Db,
    private readonly events: EventRecorder,
    private readonly audit: AuditLog,
  ) {}

  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  list(): Team[] {
    return this.db.$client
      .prepare<[], TeamDbRow>('SELECT id, name, created_at FROM teams ORDER BY name COLLATE NOCASE, id')
      .all()
      .map((row) => this.toTeam(row));
  }

  get(id: string): Team {
    const row = this.db.$client
      .prepare<[string], TeamDbRow>('SELECT id, name, created_at FROM teams WHERE id = ?')
      .get(id);
    if (!row) throw new AppError('NOT_FOUND', `no team with id "${id}"`, 'id');
    return this.toTeam(row);
  }

  create(input: { name: string; members?: string[] | undefined }, actor: Actor): Team {
    const id = `team_${randomUUID()}`;
    const team = this.events.transaction(() => {
      this.assertNameFree(input.name, null);
      this.db.$client
        .prepare('INSERT INTO teams (id, name, name_key) VALUES (?, ?, ?)')
        .run(id, input.name, nameKey(input.name));
      if (input.members) this.replaceMembers(id, input.members);
      const team = this.get(id);
      this.events.record('team.created', null, team, actor);
      this.audit.record({
        actor,
        action: 'team.created',
        target: `team:${id}`,
        detail: { name: input.name },
      });
      return team;
    });
    this.changed();
    return team;
  }

  update(
    input: { id: string; name?: string | undefined; members?: string[] | undefined },
    actor: Actor,
  ): Team {
    const team = this.events.transaction(() => {
      const before = this.get(input.id);
      if (input.name !== undefined) {
        this.assertNameFree(input.name, before.id);
        this.db.$client
          .prepare('UPDATE teams SET name = ?, name_key = ? WHERE id = ?')
          .run(input.name, nameKey(input.name), before.id);
      }
      if (input.members !== undefined) this.replaceMembers(before.id, input.members);
      const team = this.get(before.id);
      this.events.record('team.updated', null, team, actor);
      this.audit.record({
        actor,
        action: 'team.updated',
        target: `team:${team.id}`,
        detail: { name: team.name, members: team.members.map((member) => member.id) },
      });
      return team;
    });
    this.changed();
    return team;
  }

  delete(id: string, actor: Actor): Team {
    const team = this.events.transaction(() => {
      const team = this.get(id);
      this.db.$client.prepare('DELETE FROM teams WHERE id = ?').run(id);
      this.events.record('team.deleted', null, { id, name: team.name }, actor);
      this.audit.record({ actor, action: 'team.deleted', target: `team:${id}`, detail: { name: team.name } });
      return team;
    });
    this.changed();
    return team;
  }

  private replaceMembers(teamId: string, userIds: string[]): void {
    const known = this.db.$client.prepare<[string], { id: string }>('SELECT id FROM users WHERE id = ?');
    userIds.forEach((userId, index) => {
      if (!known.get(userId))
        throw new AppError('VALIDATION_FAILED', `no person with id "${userId}"`, `members.${index}`);
    });
    this.db.$client.prepare('DELETE FROM team_members WHERE team_id = ?').run(teamId);
    const insert = this.db.$client.prepare(
      'INSERT OR IGNORE INTO team_members (team_id, user_id) VALUES (?, ?)',
    );
    for (const userId of userIds) insert.run(teamId, userId);
  }

  private assertNameFree(name: string, exceptId: string | null): void {
    const existing = this.db.$client
      .prepare<[string], { id: string }>('SELECT id FROM teams WHERE name_key = ?')
      .get(nameKey(name));
    if (existing && existing.id !== exceptId) {
      throw new AppError('CONFLICT', `a team named "${name}" exists (names ignore case)`, 'name');
    }
  }

  private toTeam(row: TeamDbRow): Team {
    const members = this.db.$client
      .prepare<[string], { id: string; name: string }>(
        `SELECT u.id, u.name FROM team_members m JOIN users u ON u.id = m.user_id
          WHERE m.team_id = ? ORDER BY u.name COLLATE NOCASE`,
      )
      .all(row.id);
    return { id: row.id, name: row.name, members, createdAt: row.created_at };
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}
