/**
 * Issue #23, target 8: the key lookup of every request was made cheaper (statements prepared
 * once), and must stay exact: a credential that was just revoked, rotated or whose person was
 * just disabled is refused on the very next request, however often it was used a moment before
 * (nothing about a credential's validity may be remembered between requests).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedKey } from '../../src-shared/contract/keys.js';
import type { UserWithCode } from '../../src-shared/contract/people.js';
import { startTestCore, type TestCore } from '../../testkit/support/test-core.js';

let app: TestCore;
const PASSWORD = 'correct horse 1';

beforeAll(async () => {
  app = await startTestCore();
  await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop' } });
  // People sign in once the install has an owner.
  const owner = await app.request('/api/v1/users', {
    method: 'POST',
    json: { name: 'Olive', login: 'olive', role: 'owner', password: PASSWORD },
  });
  expect(owner.status).toBe(201);
});

afterAll(async () => {
  await app.stop();
});

/** Uses the credential several times in a row, as a busy integration does, and expects 200. */
async function useWarmly(path: string, init: { key?: string | null; headers?: Headers }): Promise<void> {
  for (let i = 0; i < 5; i += 1) expect((await app.request(path, init)).status).toBe(200);
}

describe('a credential stops working on the very next request', () => {
  it('a named key, once revoked', async () => {
    const created = await app.request('/api/v1/keys', {
      method: 'POST',
      json: { name: 'busy script', scopes: ['messages:read'] },
    });
    const { key, apiKey } = (await created.json()) as CreatedKey;
    await useWarmly('/api/v1/sessions/shop/chats', { key });
    expect((await app.request(`/api/v1/keys/${apiKey.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await app.request('/api/v1/sessions/shop/chats', { key })).status).toBe(401);
  });

  it('a session key, once a new one is issued', async () => {
    const old = (await (await app.request('/api/v1/sessions/shop/key', { method: 'POST' })).json()) as {
      key: string;
    };
    await useWarmly('/api/v1/sessions/shop/chats', { key: old.key });
    const fresh = (await (await app.request('/api/v1/sessions/shop/key', { method: 'POST' })).json()) as {
      key: string;
    };
    expect((await app.request('/api/v1/sessions/shop/chats', { key: old.key })).status).toBe(401);
    expect((await app.request('/api/v1/sessions/shop/chats', { key: fresh.key })).status).toBe(200);
  });

  it('a person’s token and browser sign-in, once the person is disabled', async () => {
    const created = await app.request('/api/v1/users', {
      method: 'POST',
      json: { name: 'Tali', login: 'tali', role: 'admin', password: PASSWORD },
    });
    const { user } = (await created.json()) as UserWithCode;
    const signedIn = await app.request('/api/v1/auth/signin', {
      method: 'POST',
      key: null,
      json: { login: 'tali', password: PASSWORD },
    });
    expect(signedIn.status).toBe(200);
    const cookie = new Headers({ cookie: (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '' });
    const exchanged = await app.request('/api/v1/auth/token', {
      method: 'POST',
      key: null,
      json: { login: 'tali', password: PASSWORD },
    });
    const { key: token } = (await exchanged.json()) as { key: string };
    await useWarmly('/api/v1/chats', { key: token });
    await useWarmly('/api/v1/chats', { key: null, headers: cookie });
    const disabled = await app.request(`/api/v1/users/${user.id}`, {
      method: 'PATCH',
      json: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    expect((await app.request('/api/v1/chats', { key: token })).status).toBe(401);
    expect((await app.request('/api/v1/chats', { key: null, headers: cookie })).status).toBe(401);
  });
});
