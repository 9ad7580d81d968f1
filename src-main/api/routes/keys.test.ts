import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedKey, NamedKey, NamedKeyList } from '../../../src-shared/contract/keys.js';
import type { CreatedWebhook } from '../../../src-shared/contract/webhooks.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

let app: TestCore;
let shopKey: string;

beforeAll(async () => {
  app = await startTestCore();
  for (const id of ['shop', 'other']) {
    const response = await app.request('/api/v1/sessions', { method: 'POST', json: { id } });
    if (id === 'shop') shopKey = ((await response.json()) as { apiKey: string }).apiKey;
  }
});

afterAll(async () => {
  await app.stop();
});

async function createKey(name: string, scopes: string[]): Promise<CreatedKey> {
  const response = await app.request('/api/v1/keys', { method: 'POST', json: { name, scopes } });
  expect(response.status).toBe(201);
  return (await response.json()) as CreatedKey;
}

describe('named API keys', () => {
  it('are shown once, stored hashed and listed without the key', async () => {
    const { apiKey, key } = await createKey('CRM sync', ['messages:read', 'messages:send']);
    expect(key).toMatch(/^cd_/);
    expect(apiKey).toMatchObject({
      name: 'CRM sync',
      scopes: ['messages:read', 'messages:send'],
      revokedAt: null,
    });
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const listed = await app.request('/api/v1/keys');
    const text = await listed.text();
    expect(text).not.toContain(key);
    expect((JSON.parse(text) as NamedKeyList).items.map((item) => item.id)).toContain(apiKey.id);
    const stored = app.core.db.$client.prepare('SELECT hash FROM api_keys WHERE id = ?').get(apiKey.id) as {
      hash: string;
    };
    expect(app.core.services.apiKeys.hasher.matches(stored.hash, key)).toBe(true);
    expect(stored.hash).not.toContain(key);
  });

  it('record when they were last used', async () => {
    const { apiKey, key } = await createKey('Reader', ['messages:read']);
    expect(apiKey.lastUsedAt).toBeNull();
    expect((await app.request('/api/v1/sessions', { key })).status).toBe(200);
    const list = (await (await app.request('/api/v1/keys')).json()) as NamedKeyList;
    expect(list.items.find((item) => item.id === apiKey.id)?.lastUsedAt).toEqual(expect.any(String));
  });

  it('can do only what their scopes allow (403 otherwise)', async () => {
    const { key: reader } = await createKey('Reader', ['messages:read']);
    expect((await app.request('/api/v1/sessions', { key: reader })).status).toBe(200);
    const refused = [
      ['POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/x' }],
      ['POST', '/api/v1/sessions/shop/connect', undefined],
      ['POST', '/api/v1/sessions', { id: 'new' }],
      ['DELETE', '/api/v1/sessions/other', undefined],
      ['GET', '/api/v1/keys', undefined],
      ['POST', '/api/v1/keys', { name: 'escalate', scopes: ['admin'] }],
      ['GET', '/api/v1/logs', undefined],
    ] as const;
    for (const [method, path, json] of refused) {
      const response = await app.request(path, { method, key: reader, ...(json ? { json } : {}) });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/scope/);
    }

    const { key: integrator } = await createKey('Integrator', ['webhooks:manage']);
    const created = await app.request('/api/v1/webhooks', {
      method: 'POST',
      key: integrator,
      json: { url: 'http://127.0.0.1:9/hook' },
    });
    expect(created.status).toBe(201);

    const { key: admin } = await createKey('Ops', ['admin']);
    expect((await app.request('/api/v1/logs', { key: admin })).status).toBe(200);
    expect((await app.request('/api/v1/keys', { key: admin })).status).toBe(200);
  });

  it('answer 401 once revoked', async () => {
    const { apiKey, key } = await createKey('Temporary', ['messages:read']);
    expect((await app.request('/api/v1/sessions', { key })).status).toBe(200);
    const revoked = await app.request(`/api/v1/keys/${apiKey.id}`, { method: 'DELETE' });
    expect(((await revoked.json()) as NamedKey).revokedAt).toEqual(expect.any(String));
    const after = await app.request('/api/v1/sessions', { key });
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
  });

  it('validate name and scopes naming the field', async () => {
    const bad = await app.request('/api/v1/keys', { method: 'POST', json: { name: 'x', scopes: ['root'] } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('scopes.0');
    const none = await app.request('/api/v1/keys', { method: 'POST', json: { name: 'x', scopes: [] } });
    expect(((await none.json()) as { error: { field: string } }).error.field).toBe('scopes');
  });
});

describe('session keys', () => {
  it('cannot read or manage another session (403)', async () => {
    expect((await app.request('/api/v1/sessions/shop', { key: shopKey })).status).toBe(200);
    for (const [method, path] of [
      ['GET', '/api/v1/sessions/other'],
      ['POST', '/api/v1/sessions/other/connect'],
      ['PATCH', '/api/v1/sessions/other'],
    ] as const) {
      const response = await app.request(path, {
        method,
        key: shopKey,
        ...(method === 'PATCH' ? { json: { name: 'mine now' } } : {}),
      });
      expect(response.status, `${method} ${path}`).toBe(403);
    }
    const listed = (await (await app.request('/api/v1/sessions', { key: shopKey })).json()) as {
      items: { id: string }[];
    };
    expect(listed.items.map((session) => session.id)).toEqual(['shop']);
  });

  it('manage only the webhooks of their own session', async () => {
    const own = await app.request('/api/v1/webhooks', {
      method: 'POST',
      key: shopKey,
      json: { url: 'http://127.0.0.1:9/shop' },
    });
    expect(own.status).toBe(201);
    const { webhook } = (await own.json()) as CreatedWebhook;
    expect(webhook.session).toBe('shop');
    const foreign = await app.request('/api/v1/webhooks', {
      method: 'POST',
      key: shopKey,
      json: { url: 'http://127.0.0.1:9/other', session: 'other' },
    });
    expect(foreign.status).toBe(403);

    const global = (await (
      await app.request('/api/v1/webhooks', { method: 'POST', json: { url: 'http://127.0.0.1:9/all' } })
    ).json()) as CreatedWebhook;
    expect((await app.request(`/api/v1/webhooks/${global.webhook.id}`, { key: shopKey })).status).toBe(403);
    const unbind = await app.request(`/api/v1/webhooks/${webhook.id}`, {
      method: 'PATCH',
      key: shopKey,
      json: { session: null },
    });
    expect(unbind.status).toBe(403);
    const visible = (await (await app.request('/api/v1/webhooks', { key: shopKey })).json()) as {
      items: { id: string }[];
    };
    expect(visible.items.map((item) => item.id)).toEqual([webhook.id]);
  });
});

describe('the OpenAPI document', () => {
  it('describes the webhook, key, log and event routes with schemas and examples', async () => {
    const document = (await (await app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
      components: { schemas: Record<string, { example?: unknown }> };
    };
    const ours = Object.entries(document.paths).filter(([path]) =>
      /^\/api\/v1\/(webhooks|keys|logs|events)/.test(path),
    );
    expect(ours.length).toBeGreaterThanOrEqual(10);
    for (const [path, operations] of ours) {
      for (const [method, operation] of Object.entries(operations)) {
        const responses = operation.responses as Record<string, { content?: unknown }>;
        const success = Object.entries(responses).find(
          ([status]) =>
            /^[24]/.test(status) &&
            status !== '400' &&
            status !== '401' &&
            status !== '403' &&
            status !== '404' &&
            status !== '429',
        );
        expect(success, `${method} ${path}`).toBeDefined();
        if (success?.[0] !== '204') expect(success?.[1].content, `${method} ${path}`).toBeDefined();
      }
    }
    for (const name of [
      'CreateWebhook',
      'Webhook',
      'CreatedWebhook',
      'WebhookDelivery',
      'CreateApiKey',
      'ApiKey',
      'LogList',
    ]) {
      expect(document.components.schemas[name]?.example, name).toBeDefined();
    }
  });
});
