import { AppError } from '../../src-shared/errors.js';
import type { Scope } from '../../src-shared/contract/keys.js';
import type { KeyPrincipal } from './api-keys.js';
import { assertSessionAccess } from './session-access.js';

/**
 * What a key may do. The desktop window (no principal) and the admin key may do everything.
 * A session key may do everything but `admin`, for its own session only. A named key may do
 * what its scopes say; the `admin` scope includes every other.
 */
export function hasScope(principal: KeyPrincipal | null, scope: Scope): boolean {
  if (!principal || principal.kind === 'admin') return true;
  if (principal.kind === 'session') return scope !== 'admin';
  const scopes = principal.scopes ?? [];
  return scopes.includes('admin') || scopes.includes(scope);
}

/**
 * The one check routes make: the key has `scope` and, when the request names a session, may
 * touch that session. FORBIDDEN (403) otherwise.
 */
export function authorize(principal: KeyPrincipal | null, scope: Scope, sessionId?: string | null): void {
  if (!hasScope(principal, scope)) {
    throw new AppError('FORBIDDEN', `this key lacks the "${scope}" scope`);
  }
  if (sessionId) assertSessionAccess(principal, sessionId);
}
