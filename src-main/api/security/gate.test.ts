import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../../../testkit/support/raw-http.js';
import { startTestCore, TEST_ADMIN_KEY, type TestCore } from '../../../testkit/support/test-core.js';

/**
 * The audit's critical finding: `/API/v1/...` ran handlers without a key, as the owner. Every
 * spelling of an API path either runs its route behind the route's own gate, or answers 401
 * without a key and 404 with one; none reaches a handler unauthenticated.
 */
/** Without a key: 401, or 429 once this address has sent too many wrong keys. */
const REFUSED = [401, 429];

describe('the API gate', () => {
  let app: TestCore;
  beforeAll(async () => {
    app = await startTestCore();
  });
  afterAll(() => app.stop());

  const spellings = [
    '/API/v1/sessions',
    '/api/V1/sessions',
    '/Api/v1/keys',
    '/api/v1/Sessions',
    '/api/v1/sessions/',
    '/api/v1//sessions',
    '//api/v1/sessions',
    '/api/v1/./sessions',
    '/api/v1/x/../sessions',
    '/api/v1/%2e%2e/v1/sessions',
    '/%61pi/v1/sessions',
    '/api%2Fv1%2Fsessions',
    '/api/v1/sessions.',
    '/RPC/sessions.list',
    '/rpc/Sessions.list',
  ];

  it.each(spellings)('GET %s without a key: 401, never data', async (path) => {
    const answer = await rawRequest(app.url, { path });
    expect(answer.status).toBe(401);
    expect(answer.body).not.toContain('"items"');
  });

  it.each(spellings)('GET %s with the key: 404, not another route', async (path) => {
    const answer = await rawRequest(app.url, {
      path,
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
    });
    expect([404]).toContain(answer.status);
  });

  it('mints no key for a request without one, in any spelling or content type', async () => {
    for (const path of ['/API/v1/keys', '/api/v1/keys', '/api/v1/keys/']) {
      const json = await rawRequest(app.url, {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x', scopes: ['admin'] }),
      });
      expect(REFUSED).toContain(json.status);
      // A cross-site form post needs no preflight; it must be refused the same way.
      const form = await rawRequest(app.url, {
        method: 'POST',
        path,
        headers: { 'content-type': 'multipart/form-data; boundary=b' },
        body: '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--b--\r\n',
      });
      expect(REFUSED).toContain(form.status);
    }
    const keys = await (await app.request('/api/v1/keys')).json();
    expect(keys).toEqual({ items: [], next: null });
  });

  it('answers an unknown method on a known path like an unknown path: refused without a key', async () => {
    expect(REFUSED).toContain(
      (await rawRequest(app.url, { method: 'PUT', path: '/api/v1/sessions' })).status,
    );
    expect((await app.request('/api/v1/sessions', { method: 'PUT' })).status).toBe(404);
  });

  it('keeps the public paths public', async () => {
    expect((await app.request('/api/v1/health', { key: null })).status).toBe(200);
    expect((await app.request('/api/v1/openapi.json', { key: null })).status).toBe(200);
  });

  it('marks every answer no-store, those with secrets above all', async () => {
    const created = await app.request('/api/v1/keys', {
      method: 'POST',
      json: { name: 'n', scopes: ['admin'] },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect((await app.request('/api/v1/sessions')).headers.get('cache-control')).toBe('no-store');
    expect((await app.request('/api/v1/nothing', { key: null })).headers.get('cache-control')).toBe(
      'no-store',
    );
  });
});
