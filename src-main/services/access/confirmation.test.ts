import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedKey } from '../../../src-shared/contract/keys.js';
import type { AuditList, UserList, UserWithCode } from '../../../src-shared/contract/people.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

const PASSWORD = 'a long owner password';

/**
 * Issue #26 point 1: what cannot be undone needs `confirm: true`, an admin-scope key, and a
 * signed-in person's password again; each decision is in the audit log. Through the real HTTP
 * gates (REST and /rpc), a real core and real SQLite.
 */
describe('confirming what cannot be undone', () => {
  let app: TestCore;
  let owner: { cookie: string; csrf: string };

  const errorOf = async (response: Response) =>
    ((await response.json()) as { error: { code: string; field?: string; message: string } }).error;

  const asOwner = (path: string, json: unknown) =>
    app.request(path, {
      method: 'POST',
      key: null,
      json,
      headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrf },
    });

  const audit = async (action: string) =>
    ((await (await app.request(`/api/v1/audit?action=${encodeURIComponent(action)}`)).json()) as AuditList)
      .items;

  const userIds = async () =>
    ((await (await app.request('/api/v1/users')).json()) as UserList).items.map((user) => user.id);

  const createUser = async (name: string, role: 'owner' | 'agent', password?: string) => {
    const response = await app.request('/api/v1/users', {
      method: 'POST',
      json: { name, login: name.toLowerCase(), role, ...(password ? { password } : {}) },
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as UserWithCode).user.id;
  };

  beforeAll(async () => {
    app = await startTestCore();
    await createUser('Olive', 'owner', PASSWORD);
    const signedIn = await app.request('/api/v1/auth/signin', {
      method: 'POST',
      key: null,
      json: { login: 'olive', password: PASSWORD },
    });
    expect(signedIn.status).toBe(200);
    owner = {
      cookie: (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      csrf: ((await signedIn.json()) as { csrfToken: string }).csrfToken,
    };
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('an API key must say confirm: true, or gets a 400 naming the field and nothing is deleted', async () => {
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'spare' } });
    for (const body of [undefined, {}, { confirm: false }, { confirm: 'yes' }]) {
      const refused = await app.request('/api/v1/sessions/spare', {
        method: 'DELETE',
        ...(body === undefined ? {} : { json: body }),
      });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect((await errorOf(refused)).field).toBe('confirm');
    }
    expect((await app.request('/api/v1/sessions/spare')).status).toBe(200);

    const deleted = await app.request('/api/v1/sessions/spare', {
      method: 'DELETE',
      json: { confirm: true },
    });
    expect(deleted.status).toBe(204);
    expect((await app.request('/api/v1/sessions/spare')).status).toBe(404);
    const [passed] = await audit('confirm.passed');
    expect(passed).toMatchObject({
      action: 'confirm.passed',
      target: 'id:spare',
      detail: { operation: 'DELETE /sessions/:id', by: 'admin-key' },
    });
    expect((await audit('session.deleted'))[0]).toMatchObject({ target: 'id:spare' });
  });

  it('a key without the admin scope is refused, even with confirm and the right scope otherwise', async () => {
    const created = await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'kept' } });
    const sessionKey = ((await created.json()) as { apiKey: string }).apiKey;
    const manager = (await (
      await app.request('/api/v1/keys', {
        method: 'POST',
        json: { name: 'ops', scopes: ['sessions:manage'] },
      })
    ).json()) as CreatedKey;

    const byManager = await app.request('/api/v1/sessions/kept', {
      method: 'DELETE',
      key: manager.key,
      json: { confirm: true },
    });
    expect(byManager.status).toBe(403);
    expect((await errorOf(byManager)).message).toContain('"admin" scope');
    // A session key used to log its own number out; it no longer may.
    const bySessionKey = await app.request('/api/v1/sessions/kept/logout', {
      method: 'POST',
      key: sessionKey,
      json: { confirm: true },
    });
    expect(bySessionKey.status).toBe(403);
    expect((await app.request('/api/v1/sessions/kept')).status).toBe(200);
  });

  it('a signed-in person types their password again; a wrong one is refused, named and audited', async () => {
    const dana = await createUser('Dana', 'agent');

    const withoutPassword = await asOwner('/rpc/users.delete', { id: dana, confirm: true });
    expect(withoutPassword.status).toBe(400);
    expect((await errorOf(withoutPassword)).field).toBe('password');

    const wrong = await asOwner('/rpc/users.delete', { id: dana, confirm: true, password: 'not it' });
    expect(wrong.status).toBe(400);
    expect(await errorOf(wrong)).toMatchObject({
      field: 'password',
      message: 'password: the password is not right',
    });
    expect(await userIds()).toContain(dana);
    const [failed] = await audit('confirm.failed');
    expect(failed).toMatchObject({
      actor: { type: 'user', name: 'Olive' },
      target: `id:${dana}`,
      detail: { operation: 'users.delete', reason: 'wrong password' },
    });

    const right = await asOwner('/rpc/users.delete', { id: dana, confirm: true, password: PASSWORD });
    expect(right.status).toBe(200);
    const [passed] = await audit('confirm.passed');
    expect(passed).toMatchObject({
      actor: { type: 'user', name: 'Olive' },
      detail: { operation: 'users.delete', by: 'password' },
    });
    expect(await userIds()).not.toContain(dana);
  });

  it('over REST the same: the password goes in the body beside confirm', async () => {
    const eve = await createUser('Eve', 'agent');
    const request = (json: unknown) =>
      app.request(`/api/v1/users/${eve}`, {
        method: 'DELETE',
        key: null,
        json,
        headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrf },
      });
    expect((await errorOf(await request({ confirm: true }))).field).toBe('password');
    expect((await request({ confirm: true, password: PASSWORD })).status).toBe(200);
  });

  it('rotating the admin key over /rpc needs confirm too', async () => {
    const refused = await app.request('/rpc/adminKey.rotate', { method: 'POST', json: {} });
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).field).toBe('confirm');
  });
});
