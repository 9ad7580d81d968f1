import type { Scope } from '../../../src-shared/contract/keys.js';
import type { KeyPrincipal } from '../../services/api-keys.js';
import { authorize } from '../../services/scopes.js';
import type { SessionService } from '../../services/sessions.js';

export type SessionGuard = (principal: KeyPrincipal | null, sessionId: string, scope: Scope) => void;

/**
 * The check every per-session route starts with: the key has the scope and may use this
 * session (403), and the session exists (404 SESSION_NOT_FOUND).
 */
export function sessionGuard(sessions: SessionService): SessionGuard {
  return (principal, sessionId, scope) => {
    authorize(principal, scope, sessionId);
    sessions.get(sessionId);
  };
}
