import type { Scope } from '../../../src-shared/contract/keys.js';
import type { UserRole } from '../../../src-shared/contract/people.js';
import type { Grants, UserPrincipal } from '../access/principal.js';
import { NO_RIGHTS, type PermissionService } from './permissions.js';
import type { UserService } from './users.js';

/**
 * Turns a credential (a cookie's sign-in, a personal token, the desktop switcher) into the
 * principal the authorizer decides for. The principal's `grants` read the person's role and
 * rights when asked, from caches the services drop on every change, so a changed permission or
 * role applies to open browsers and event streams without a reload.
 */
export class UserPrincipals {
  private readonly roles = new Map<string, UserRole>();

  constructor(
    private readonly users: UserService,
    private readonly permissions: PermissionService,
  ) {
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
    };
  }
}
