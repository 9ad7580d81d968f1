import type { Services } from '../../services/index.js';

/**
 * For per-session routes, after the route's declared access was checked: the session exists
 * (404 SESSION_NOT_FOUND otherwise), so a route never acts on a number nobody created.
 * (Adapters get this from their operation's handler; hand-written routes — binary answers — use it.)
 */
export function sessionExists(sessions: Services['sessions']): (sessionId: string) => void {
  return (sessionId) => void sessions.get(sessionId);
}
