import type { Scope } from '../../../src-shared/contract/keys.js';
import type { UserRole } from '../../../src-shared/contract/people.js';
import type { Grants, UserPrincipal } from '../access/principal.js';
import { NO_RIGHTS, type PermissionService } from './permissions.js';
import type { UserService } from './users.js';
import type { Db } from '../../db/connection.js';

/**
 * Turns a credential (a cookie's sign-in, a personal token, the desktop switcher) into the
 * principal the authorizer decides for. The principal's `grants` read the person's role and
 * rights when asked, from caches the services drop on every change, so a changed permission or
 * role applies to open browsers and event streams without a reload.
 */
export class UserPrincipals {
  private readonly roles = new Map<string, UserRole>();
  private readonly visibleChat;
  private readonly teamsOf;

  constructor(
    private readonly users: UserService,
    private readonly permissions: PermissionService,
    db: Db,
  ) {
    // "read: assigned" (issue #16): the chat's own person, or its team while nobody has it.
    this.visibleChat = db.$client.prepare<[string, string, string, string], { ok: number }>(
      `SELECT 1 AS ok FROM chats WHERE session_id = ? AND jid = ? AND (assignee_user_id = ? OR
         (assignee_user_id IS NULL AND assignee_team_id IN (SELECT team_id FROM team_members WHERE user_id = ?)))`,
    );
    this.teamsOf = db.$client
      .prepare<[string], string>('SELECT team_id FROM team_members WHERE user_id = ?')
      .pluck();
    users.onChange(() => {
      this.roles.clear();
      permissions.invalidate();
    });
  }

  /** Null when the person is gone or disabled. */
  of(
    userId: string,
    via: UserPrincipal['via'],
    credentialId: string | null,
    tokenScopes: readonly Scope[] | null = null,
  ): UserPrincipal | null {
    const row = this.users.findRow(userId);
    if (!row || row.disabled) return null;
    return {
      kind: 'user',
      userId,
      name: row.name,
      role: row.role,
      via,
      credentialId,
      tokenScopes,
      grants: this.grants(userId, row.role),
    };
  }

  private grants(userId: string, roleAtStart: UserRole): Grants {
    return {
      role: () => {
        const cached = this.roles.get(userId);
        if (cached) return cached;
        const role = this.users.findRow(userId)?.role ?? roleAtStart;
        this.roles.set(userId, role);
        return role;
      },
      on: (sessionId) => this.permissions.rightsOf(userId).get(sessionId) ?? NO_RIGHTS,
      numbers: () => this.permissions.rightsOf(userId),
      seesChat: (sessionId, chatJid) =>
        this.visibleChat.get(sessionId, chatJid, userId, userId) !== undefined,
      teams: () => this.teamsOf.all(userId),
    };
  }
}
