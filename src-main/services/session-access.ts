import { AppError } from '../../src-shared/errors.js';
import type { KeyPrincipal } from './api-keys.js';

/**
 * Whether a caller may touch a session. Session keys reach only their own number; the admin
 * key, app users and the desktop window (no principal) reach all.
 */
export function canAccessSession(principal: KeyPrincipal | null, sessionId: string): boolean {
  return !principal || principal.kind !== 'session' || principal.sessionId === sessionId;
}

export function assertSessionAccess(principal: KeyPrincipal | null, sessionId: string): void {
  if (!canAccessSession(principal, sessionId)) {
    throw new AppError(
      'FORBIDDEN',
      `this key belongs to another session and may not use session "${sessionId}"`,
    );
  }
}

/** Operations that manage sessions as a whole (create, list all) need more than a session key. */
export function assertNotSessionKey(principal: KeyPrincipal | null, action: string): void {
  if (principal?.kind === 'session') throw new AppError('FORBIDDEN', `a session key may not ${action}`);
}
