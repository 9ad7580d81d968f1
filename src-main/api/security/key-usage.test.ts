import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyUsage } from '../../../src-shared/contract/key-usage.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

const PASSWORD = 'correct horse 1';

/** Issue #26 point 3: usage per key, counted in memory, written in batches, purged with the key. */
describe('usage per key', () => {
  let app: TestCore | null = null;
  afterEach(async () => {
    await app?.stop();
    app = null;
  });

  async function namedKey(core: TestCore): Promise<{ id: string; key: string }> {
    const created = await core.request('/api/v1/keys', {
      method: 'POST',
      json: { name: 'CRM', scopes: ['messages:send', 'messages:read'] },
    });
    const body = (await created.json()) as { key: string; apiKey: { id: string } };
    return { id: body.apiKey.id, key: body.key };
  }
  const usageOf = async (core: TestCore, id: string, query = '') => {
    const answer = await core.request(`/api/v1/keys/${id}/usage${query}`);
    expect(answer.status).toBe(200);
    return (await answer.json()) as KeyUsage;
  };

  it('counts a key’s requests by kind with its errors and last use, never wrong keys, and keeps them over a restart', async () => {
    app = await startTestCore();
    expect((await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop' } })).status).toBe(
      201,
    );
    const { id, key } = await namedKey(app);
    for (let i = 0; i < 3; i += 1) expect((await app.request('/api/v1/sessions', { key })).status).toBe(200);
    expect((await app.request('/api/v1/sessions/nowhere/chats', { key })).status).toBe(404);
    const send = await app.request('/api/v1/sessions/shop/messages', {
      method: 'POST',
      key,
      json: { type: 'text', to: '972500000001', text: 'hi' },
    });
    expect(send.status).toBeGreaterThanOrEqual(400);
    expect((await app.request('/api/v1/tags/tag_none', { method: 'DELETE', key })).status).toBe(404);
    // Guesses near the key are not its use.
    for (let i = 0; i < 5; i += 1) await app.request('/api/v1/sessions', { key: `${key}x${i}` });

    const usage = await usageOf(app, id, '?days=7');
    expect(usage.days).toHaveLength(7);
    const today = usage.days.at(-1)!;
    expect(today.day).toBe(new Date().toISOString().slice(0, 10));
    expect(today.requests).toEqual({ read: 4, send: 1, write: 0, delete: 1, admin: 0 });
    expect(today.clientErrors).toBe(3);
    expect(today.serverErrors).toBe(0);
    expect(usage.totals).toEqual({ requests: 6, clientErrors: 3, serverErrors: 0 });
    expect(usage.lastUse).toMatchObject({ address: expect.stringMatching(/127\.0\.0\.1/) });

    // Counted in memory, written in batches: stopping writes what is left, a restart reads it.
    expect((await app.request('/api/v1/sessions', { key })).status).toBe(200);
    await app.core.stop();
    // Read straight from the file: the core (and its counter in memory) is gone.
    const reopened = new Database(path.join(app.dataDir, 'chatdock.db'), { readonly: true });
    try {
      const row = reopened
        .prepare('SELECT sum(requests) AS n FROM api_key_usage WHERE key_id = ?')
        .get(id) as {
        n: number;
      };
      expect(row.n).toBe(7);
    } finally {
      reopened.close();
      rmSync(app.dataDir, { recursive: true, force: true });
      app = null;
    }
  });

  it('names a wrong day count and an unknown key', async () => {
    app = await startTestCore();
    const { id } = await namedKey(app);
    const bad = await app.request(`/api/v1/keys/${id}/usage?days=0`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('days');
    const unknown = await app.request('/api/v1/keys/nope/usage');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { field: string } }).error.field).toBe('id');
  });

  it('shows a person the usage of her own tokens only', async () => {
    app = await startTestCore();
    const core = app;
    const tokenOf = async (login: string) => {
      await core.request('/api/v1/users', {
        method: 'POST',
        json: { name: login, login, role: 'agent', password: PASSWORD },
      });
      const answer = await core.request('/api/v1/auth/token', {
        method: 'POST',
        key: null,
        json: { login, password: PASSWORD },
      });
      expect(answer.status).toBe(201);
      const body = (await answer.json()) as { key?: string; token?: string | { id: string }; id?: string };
      return body;
    };
    const dana = await tokenOf('dana');
    const danaKey = (dana.key ?? dana.token) as string;
    const list = await core.request('/api/v1/auth/tokens', { key: danaKey });
    const tokens = ((await list.json()) as { items: { id: string }[] }).items;
    expect(tokens).toHaveLength(1);
    const tokenId = tokens[0]!.id;
    const mine = await core.request(`/api/v1/auth/tokens/${tokenId}/usage`, { key: danaKey });
    expect(mine.status).toBe(200);
    // The list call (a read) was counted; the usage call itself is counted once it is answered.
    expect(((await mine.json()) as KeyUsage).days.at(-1)!.requests.read).toBeGreaterThanOrEqual(1);
    const rina = await tokenOf('rina');
    const rinaKey = (rina.key ?? rina.token) as string;
    expect((await core.request(`/api/v1/auth/tokens/${tokenId}/usage`, { key: rinaKey })).status).toBe(404);
    // Owners and admins read any key's usage, tokens included.
    expect((await usageOf(core, tokenId)).totals.requests).toBeGreaterThanOrEqual(2);
  });

  it('goes with its key, and housekeeping drops old days', async () => {
    app = await startTestCore();
    expect((await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop' } })).status).toBe(
      201,
    );
    const sqlite = app.core.db.$client;
    const sessionKeyId = () =>
      (
        sqlite.prepare(`SELECT id FROM api_keys WHERE kind = 'session' AND session_id = 'shop'`).get() as {
          id: string;
        }
      ).id;
    const oldId = sessionKeyId();
    const rotated = await app.request('/api/v1/sessions/shop/key', { method: 'POST' });
    const sessionKey = ((await rotated.json()) as { key: string }).key;
    expect((await app.request('/api/v1/sessions/shop/chats', { key: sessionKey })).status).toBe(200);
    const newId = sessionKeyId();
    expect((await usageOf(app, newId)).totals.requests).toBe(1);
    sqlite
      .prepare(
        `INSERT INTO api_key_usage (key_id, day, kind, requests) VALUES (?, '2000-01-01', 'read', 5), (?, '2026-01-01', 'read', 1)`,
      )
      .run(newId, oldId);
    // Rotating the key again deletes the usage of the key it replaced.
    await app.request('/api/v1/sessions/shop/key', { method: 'POST' });
    const rows = (id: string) =>
      (sqlite.prepare('SELECT count(*) AS n FROM api_key_usage WHERE key_id = ?').get(id) as { n: number }).n;
    expect(rows(newId)).toBe(0);
    // Housekeeping: old days go, and so does usage of keys that no longer exist.
    const current = sessionKeyId();
    sqlite
      .prepare(
        `INSERT INTO api_key_usage (key_id, day, kind, requests) VALUES (?, '2000-01-01', 'read', 5), (?, ?, 'read', 2)`,
      )
      .run(current, current, new Date().toISOString().slice(0, 10));
    app.core.services.keyUsage.prune(90);
    expect(rows(current)).toBe(1);
    expect(rows(oldId)).toBe(0);
  });
});
