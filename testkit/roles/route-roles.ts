import { expect } from 'vitest';
import type { CreatedKey } from '../../src-shared/contract/keys.js';
import type { UserWithCode } from '../../src-shared/contract/people.js';
import type { TestCore } from '../support/test-core.js';

/** Who calls each route in route-roles.test.ts. */
export const PRINCIPALS = [
  'owner',
  'admin',
  'agentRead',
  'agentWrite',
  'agentNothing',
  'sessionKey',
  'scopedKey',
] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

export interface Caller {
  /** Headers that make a request come from this principal. */
  headers(mutating: boolean): Headers;
}

const PASSWORD = 'correct horse 1';

/**
 * Two numbers (`a`, `b`) with one chat each; an owner, an admin and three agents signed in with
 * browser cookies: Rita may read `a`, Walt may read and write `a`, Nora may do nothing; the
 * session key of `a`; and a named key scoped to `messages:read` only.
 */
export async function makeCallers(app: TestCore): Promise<Record<PrincipalName, Caller>> {
  const ok = async <T>(response: Promise<Response>): Promise<T> => {
    const answer = await response;
    expect(answer.status, await answer.clone().text()).toBeLessThan(300);
    return (await answer.json()) as T;
  };
  const sessionA = await ok<{ apiKey: string }>(
    app.request('/api/v1/sessions', { method: 'POST', json: { id: 'a' } }),
  );
  await ok(app.request('/api/v1/sessions', { method: 'POST', json: { id: 'b' } }));
  for (const session of ['a', 'b']) {
    app.core.db.$client
      .prepare(`INSERT INTO chats (session_id, jid, kind, name, last_message_at) VALUES (?, ?, 'user', ?, 1)`)
      .run(session, `${session}1@s.whatsapp.net`, `Customer of ${session}`);
  }
  const scoped = await ok<CreatedKey>(
    app.request('/api/v1/keys', { method: 'POST', json: { name: 'reader', scopes: ['messages:read'] } }),
  );
  const ids: Record<string, string> = {};
  for (const [name, role] of [
    ['olive', 'owner'],
    ['adam', 'admin'],
    ['rita', 'agent'],
    ['walt', 'agent'],
    ['nora', 'agent'],
  ] as const) {
    const created = await ok<UserWithCode>(
      app.request('/api/v1/users', { method: 'POST', json: { name, login: name, role, password: PASSWORD } }),
    );
    ids[name] = created.user.id;
  }
  const grant = (id: string, write: boolean) => ({
    subject: { type: 'user', id },
    read: 'all',
    write,
    canUseTags: write,
    canManageSavedReplies: false,
  });
  await ok(
    app.request('/api/v1/sessions/a/permissions', {
      method: 'PUT',
      json: { grants: [grant(ids.rita!, false), grant(ids.walt!, true)] },
    }),
  );
  const browser = async (login: string): Promise<Caller> => {
    const response = await app.request('/api/v1/auth/signin', {
      method: 'POST',
      key: null,
      json: { login, password: PASSWORD },
    });
    expect(response.status).toBe(200);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return {
      headers(mutating) {
        const headers = new Headers({ cookie });
        if (mutating) headers.set('x-csrf-token', csrfToken);
        return headers;
      },
    };
  };
  const key = (value: string): Caller => ({
    headers: () => new Headers({ authorization: `Bearer ${value}` }),
  });
  return {
    owner: await browser('olive'),
    admin: await browser('adam'),
    agentRead: await browser('rita'),
    agentWrite: await browser('walt'),
    agentNothing: await browser('nora'),
    sessionKey: key(sessionA.apiKey),
    scopedKey: key(scoped.key),
  };
}
