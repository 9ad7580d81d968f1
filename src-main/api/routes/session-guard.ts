import type { SessionService } from '../../services/sessions/sessions.js';

/**
 * For per-session routes, after the route's declared access was checked: the session exists
 * (404 SESSION_NOT_FOUND otherwise), so a route never acts on a number nobody created.
 */
export function sessionExists(sessions: SessionService): (sessionId: string) => void {
  return (sessionId) => void sessions.get(sessionId);
}
