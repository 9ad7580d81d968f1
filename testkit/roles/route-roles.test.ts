import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chat } from '../../src-shared/messages.js';
import { operationsOf, type Operation } from '../fuzz/openapi-operations.js';
import { startTestCore, type TestCore } from '../support/test-core.js';
import { ROUTE_CLASSES, ROUTE_TABLE } from './route-classes.js';
import { outcomeOf, routeName } from './route-probe.js';
import { makeCallers, PRINCIPALS, type Caller, type PrincipalName } from './route-roles.js';

/** Signing out ends the cookie later probes use: these go last ("everywhere" keeps the caller's own). */
const LAST = new Set(['POST /auth/signout', 'POST /auth/signout-everywhere']);

/**
 * Every route of the OpenAPI document as owner, admin, agent-with-read, agent-with-write,
 * agent-with-nothing, a session key and a scoped key (issue #15): the allowed get past the
 * authorizer (not 401/403), the others are refused with 401/403, and each route is classified in
 * route-classes.ts.
 */
describe('every route × every role', () => {
  let app: TestCore;
  let callers: Record<PrincipalName, Caller>;
  let operations: Operation[];

  beforeAll(async () => {
    app = await startTestCore();
    callers = await makeCallers(app);
    const document = (await (await app.request('/api/v1/openapi.json')).json()) as Parameters<
      typeof operationsOf
    >[0];
    const rank = (operation: Operation) => {
      const name = routeName(operation);
      if (LAST.has(name)) return name.endsWith('everywhere') ? 3 : 4;
      return operation.method === 'GET' ? 0 : 1;
    };
    operations = operationsOf(document)
      .filter((operation) => !operation.isPublic)
      .sort((x, y) => rank(x) - rank(y));
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('classifies every route, and no classification names a route that is gone', () => {
    const names = operations.map(routeName);
    expect(names.filter((name) => !(name in ROUTE_TABLE))).toEqual([]);
    expect(Object.keys(ROUTE_TABLE).filter((name) => !names.includes(name))).toEqual([]);
  });

  it('lets exactly the classified principals past the authorizer', async () => {
    const wrong: string[] = [];
    for (const operation of operations) {
      const name = routeName(operation);
      const allowed: readonly string[] = ROUTE_CLASSES[ROUTE_TABLE[name] ?? 'admin'];
      for (const principal of PRINCIPALS) {
        const { outcome, status } = await outcomeOf(app, operation, callers[principal]);
        const expected = allowed.includes(principal) ? 'allowed' : 'refused';
        if (outcome !== expected) wrong.push(`${name} as ${principal}: ${status}, expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});

describe('reads return only the numbers a principal may read', () => {
  let app: TestCore;
  let callers: Record<PrincipalName, Caller>;

  beforeAll(async () => {
    app = await startTestCore();
    callers = await makeCallers(app);
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  async function get<T>(principal: PrincipalName, path: string): Promise<T> {
    const response = await app.request(path, { key: null, headers: callers[principal].headers(false) });
    expect(response.status, `${path} as ${principal}`).toBe(200);
    return (await response.json()) as T;
  }

  it('lists only permitted numbers and their chats', async () => {
    const numbers = async (principal: PrincipalName) =>
      (await get<{ id: string }[] | { items: { id: string }[] }>(principal, '/api/v1/sessions')).valueOf() as
        { id: string }[] | { items: { id: string }[] };
    const ids = (list: { id: string }[] | { items: { id: string }[] }) =>
      (Array.isArray(list) ? list : list.items).map((session) => session.id).sort();
    expect(ids(await numbers('owner'))).toEqual(['a', 'b']);
    expect(ids(await numbers('agentRead'))).toEqual(['a']);
    expect(ids(await numbers('agentNothing'))).toEqual([]);
    expect(ids(await numbers('sessionKey'))).toEqual(['a']);

    const chats = async (principal: PrincipalName) =>
      (await get<{ items: Chat[] }>(principal, '/api/v1/chats')).items.map((chat) => chat.session).sort();
    expect(await chats('admin')).toEqual(['a', 'b']);
    expect(await chats('agentWrite')).toEqual(['a']);
    expect(await chats('agentNothing')).toEqual([]);
    expect(await chats('sessionKey')).toEqual(['a']);
  });

  it('refuses another number’s chats by URL', async () => {
    for (const principal of ['agentRead', 'agentWrite', 'sessionKey'] as const) {
      const response = await app.request('/api/v1/sessions/b/chats', {
        key: null,
        headers: callers[principal].headers(false),
      });
      expect([403, 404], principal).toContain(response.status);
    }
  });
});
