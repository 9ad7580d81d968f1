import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedKey } from '../../../src-shared/contract/keys.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

const WIDGET = {
  businessName: 'Bakery',
  timeZone: 'Europe/London',
  operators: [{ name: 'Anna', number: '+44 7700 900123' }],
};

/** Audit finding 4: widgets and the session list checked no permission. */
describe('permissions the audit found missing', () => {
  let app: TestCore;
  let sessionKey: string;
  let widgetId: string;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestCore();
    const session = await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop' } });
    sessionKey = ((await session.json()) as { apiKey: string }).apiKey;
    for (const [name, scopes] of [
      ['reader', ['messages:read']],
      ['hooks', ['webhooks:manage']],
      ['widgets', ['widgets:manage']],
    ] as const) {
      const created = await app.request('/api/v1/keys', { method: 'POST', json: { name, scopes } });
      keys[name] = ((await created.json()) as CreatedKey).key;
    }
    const widget = await app.request('/api/v1/widgets', { method: 'POST', json: WIDGET });
    expect(widget.status).toBe(201);
    widgetId = ((await widget.json()) as { id: string }).id;
  });
  afterAll(() => app.stop());

  it('lets only widgets:manage (or admin) keys read or change widgets', async () => {
    const hijack = { ...WIDGET, operators: [{ name: 'Mallory', number: '+44 7700 900999' }] };
    for (const key of [sessionKey, keys.reader, keys.hooks]) {
      expect(
        (await app.request(`/api/v1/widgets/${widgetId}`, { method: 'PUT', key, json: hijack })).status,
      ).toBe(403);
      expect((await app.request('/api/v1/widgets', { key })).status).toBe(403);
      expect((await app.request(`/api/v1/widgets/${widgetId}`, { method: 'DELETE', key })).status).toBe(403);
    }
    const stored = await (await app.request(`/api/v1/widgets/${widgetId}`)).json();
    expect(stored).toMatchObject({ operators: [{ name: 'Anna' }] });
    const allowed = await app.request(`/api/v1/widgets/${widgetId}`, {
      method: 'PUT',
      key: keys.widgets,
      json: { ...WIDGET, businessName: 'Bakery & Café' },
    });
    expect(allowed.status).toBe(200);
    // The public view stays public.
    expect((await app.request(`/api/v1/public/widgets/${widgetId}`, { key: null })).status).toBe(200);
  });

  it('needs messages:read or sessions:manage to list or read sessions', async () => {
    expect((await app.request('/api/v1/sessions', { key: keys.hooks })).status).toBe(403);
    expect((await app.request('/api/v1/sessions/shop', { key: keys.widgets })).status).toBe(403);
    expect((await app.request('/api/v1/sessions', { key: keys.reader })).status).toBe(200);
    const own = (await (await app.request('/api/v1/sessions', { key: sessionKey })).json()) as {
      items: { id: string }[];
    };
    expect(own.items.map((session) => session.id)).toEqual(['shop']);
  });
});
