import { AppError } from '../../../src-shared/errors.js';
import type {
  Actor,
  PermissionGrant,
  ReadLevel,
  SessionPermissions,
} from '../../../src-shared/contract/people.js';
import type { Db } from '../../db/connection.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { NumberRights } from '../access/principal.js';

interface GrantDbRow {
  session_id: string;
  user_id: string | null;
  team_id: string | null;
  read: ReadLevel;
  write: number;
  can_use_tags: number;
  can_manage_saved_replies: number;
  subject_name: string | null;
}

export const NO_RIGHTS: NumberRights = Object.freeze({
  read: 'none',
  write: false,
  canUseTags: false,
  canManageSavedReplies: false,
});

const READ_RANK: Record<ReadLevel, number> = { none: 0, assigned: 1, all: 2 };

/**
 * Who may read and write each number. A person's rights on a number are the union of their own
 * grant and their teams' grants. Computed rights are cached per person and dropped on every
 * change of grants, teams or people, so a change applies to the next request and the next event
 * an open stream would send, without a reload.
 */
export class PermissionService {
  private readonly cache = new Map<string, ReadonlyMap<string, NumberRights>>();

  constructor(
    private readonly db: Db,
    private readonly events: EventRecorder,
    private readonly audit: AuditLog,
  ) {}

  /** Forget computed rights (a person, team or membership changed). */
  invalidate(): void {
    this.cache.clear();
  }

  /** A person's rights on every number they have a grant on. */
  rightsOf(userId: string): ReadonlyMap<string, NumberRights> {
    const cached = this.cache.get(userId);
    if (cached) return cached;
    const rows = this.db.$client
      .prepare<[string, string], GrantDbRow>(
        `SELECT p.*, NULL AS subject_name FROM session_permissions p
          WHERE p.user_id = ?
            OR p.team_id IN (SELECT team_id FROM team_members WHERE user_id = ?)`,
      )
      .all(userId, userId);
    const rights = new Map<string, NumberRights>();
    for (const row of rows) {
      const before = rights.get(row.session_id) ?? NO_RIGHTS;
      rights.set(row.session_id, {
        read: READ_RANK[row.read] > READ_RANK[before.read] ? row.read : before.read,
        write: before.write || Boolean(row.write),
        canUseTags: before.canUseTags || Boolean(row.can_use_tags),
        canManageSavedReplies: before.canManageSavedReplies || Boolean(row.can_manage_saved_replies),
      });
    }
    this.cache.set(userId, rights);
    return rights;
  }

  get(sessionId: string): SessionPermissions {
    this.assertSession(sessionId);
    const rows = this.db.$client
      .prepare<[string], GrantDbRow>(
        `SELECT p.*, coalesce(u.name, t.name) AS subject_name FROM session_permissions p
           LEFT JOIN users u ON u.id = p.user_id
           LEFT JOIN teams t ON t.id = p.team_id
          WHERE p.session_id = ? ORDER BY p.team_id IS NULL, subject_name COLLATE NOCASE`,
      )
      .all(sessionId);
    return {
      session: sessionId,
      grants: rows.map((row) => ({
        subject: row.user_id ? { type: 'user', id: row.user_id } : { type: 'team', id: row.team_id ?? '' },
        subjectName: row.subject_name ?? '',
        read: row.read,
        write: Boolean(row.write),
        canUseTags: Boolean(row.can_use_tags),
        canManageSavedReplies: Boolean(row.can_manage_saved_replies),
      })),
    };
  }

  /** Replaces every grant of a number; a subject named twice or unknown is refused naming it. */
  set(sessionId: string, grants: PermissionGrant[], actor: Actor): SessionPermissions {
    const result = this.events.transaction(() => {
      this.assertSession(sessionId);
      const seen = new Set<string>();
      grants.forEach((grant, index) => {
        const key = `${grant.subject.type}:${grant.subject.id}`;
        if (seen.has(key)) {
          throw new AppError('VALIDATION_FAILED', `${key} is listed twice`, `grants.${index}.subject`);
        }
        seen.add(key);
        const table = grant.subject.type === 'user' ? 'users' : 'teams';
        const exists = this.db.$client.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(grant.subject.id);
        if (!exists) {
          throw new AppError(
            'VALIDATION_FAILED',
            `no ${grant.subject.type === 'user' ? 'person' : 'team'} with id "${grant.subject.id}"`,
            `grants.${index}.subject.id`,
          );
        }
      });
      this.db.$client.prepare('DELETE FROM session_permissions WHERE session_id = ?').run(sessionId);
      const insert = this.db.$client.prepare(
        `INSERT INTO session_permissions (session_id, user_id, team_id, read, write, can_use_tags, can_manage_saved_replies)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const grant of grants) {
        insert.run(
          sessionId,
          grant.subject.type === 'user' ? grant.subject.id : null,
          grant.subject.type === 'team' ? grant.subject.id : null,
          grant.read,
          grant.write ? 1 : 0,
          grant.canUseTags ? 1 : 0,
          grant.canManageSavedReplies ? 1 : 0,
        );
      }
      const permissions = this.get(sessionId);
      // The event stream decides who sees this event with the rights it describes: a person just
      // given read on the number must receive it, so the cached rights go before it is recorded.
      this.invalidate();
      this.events.record('permissions.updated', sessionId, permissions, actor);
      this.audit.record({
        actor,
        action: 'permissions.updated',
        target: `session:${sessionId}`,
        detail: { grants },
      });
      return permissions;
    });
    this.invalidate();
    return result;
  }

  private assertSession(sessionId: string): void {
    const exists = this.db.$client.prepare('SELECT 1 FROM sessions WHERE id = ?').get(sessionId);
    if (!exists) throw new AppError('SESSION_NOT_FOUND', `no session "${sessionId}"`, 'session');
  }
}
