import type { Operation } from '../fuzz/openapi-operations.js';
import type { TestCore } from '../support/test-core.js';
import type { Caller } from './route-roles.js';

/** A route as the table names it: `GET /sessions/{id}/chats` (the /api/v1 prefix left out). */
export const routeName = (operation: Operation) =>
  `${operation.method} ${operation.path.replace(/^\/api\/v1/, '')}`;

/**
 * Whether a principal got past authorization: anything but 401 and 403 (a 400 for the probe's
 * deliberately invalid body, or a 404 for a made-up id, is an allowed call that went on to fail).
 */
export type Outcome = 'allowed' | 'refused';

/**
 * The request that probes a route without changing anything that matters: reads go to number
 * `a` and its chat; writes carry an invalid body (refused by validation once authorized), and
 * those that take no body and act on a whole number aim at a number that does not exist.
 */
export function probeOf(operation: Operation): { url: string; init: RequestInit; mutating: boolean } {
  const mutating = operation.method !== 'GET' && operation.method !== 'HEAD';
  const wholeNumber = /^\/api\/v1\/sessions\/\{id\}(\/[a-z-]+)?$/.test(operation.path);
  const session = mutating && !operation.jsonBody && wholeNumber ? 'zz-missing' : 'a';
  const url = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (name === 'id' && operation.path.startsWith('/api/v1/sessions/')) return session;
    if (name === 'session') return session;
    if (name === 'chat') return 'a1@s.whatsapp.net';
    return 'nope';
  });
  const init: RequestInit = { method: operation.method };
  if (mutating) {
    init.body = JSON.stringify({ __probe: true });
    init.headers = { 'content-type': 'application/json' };
  }
  return { url, init, mutating };
}

export async function outcomeOf(
  app: TestCore,
  operation: Operation,
  caller: Caller,
): Promise<{ outcome: Outcome; status: number }> {
  const { url, init, mutating } = probeOf(operation);
  const headers = caller.headers(mutating);
  for (const [name, value] of new Headers(init.headers)) headers.set(name, value);
  const response = await app.request(url, { ...init, headers, key: null });
  await response.arrayBuffer();
  const refused = response.status === 401 || response.status === 403;
  return { outcome: refused ? 'refused' : 'allowed', status: response.status };
}
