import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../../../testkit/support/raw-http.js';
import { startTestCore, TEST_ADMIN_KEY, type TestCore } from '../../../testkit/support/test-core.js';
import { hostnameOf, HostAllowList } from '../host-guard.js';
import { uiContentSecurityPolicy } from '../web-ui.js';

describe('Host allow-list (DNS rebinding)', () => {
  it('allows IP literals, localhost names, this machine and configured names only', () => {
    const list = new HostAllowList({ publicUrl: 'https://chat.example.com/base', extraHosts: ['shop.lan'] });
    for (const host of [
      '127.0.0.1:8787',
      '[::1]:8787',
      'localhost',
      'LOCALHOST.:8787',
      'app.localhost',
      '192.168.1.20:8787',
      'chat.example.com',
      'shop.lan:8787',
      undefined,
    ]) {
      expect(list.allows(host), String(host)).toBe(true);
    }
    for (const host of [
      'evil.example',
      'evil.example:8787',
      '127.0.0.1.nip.io',
      'localhost.evil.example',
      'a b',
    ]) {
      expect(list.allows(host), host).toBe(false);
    }
    expect(hostnameOf('[::1]:80')).toBe('::1');
  });

  let app: TestCore;
  beforeAll(async () => {
    app = await startTestCore({ CHATDOCK_ALLOWED_HOSTS: 'shop.lan' });
  });
  afterAll(() => app.stop());

  it('answers 421 to a request whose Host is a foreign name, even with the key', async () => {
    const headers = { authorization: `Bearer ${TEST_ADMIN_KEY}` };
    const rebound = await rawRequest(app.url, {
      path: '/api/v1/sessions',
      headers: { ...headers, host: 'evil.example' },
    });
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.body)).toMatchObject({ error: { code: 'HOST_NOT_ALLOWED' } });
    const ui = await rawRequest(app.url, { path: '/', headers: { host: 'evil.example' } });
    expect(ui.status).toBe(421);
    const ours = await rawRequest(app.url, {
      path: '/api/v1/sessions',
      headers: { ...headers, host: 'shop.lan:8787' },
    });
    expect(ours.status).toBe(200);
  });

  it('serves the public widget files to any host name (a tunnel may give this app any name)', async () => {
    const answer = await rawRequest(app.url, {
      path: '/api/v1/public/widgets/none',
      headers: { host: 'x.trycloudflare.com' },
    });
    expect(answer.status).toBe(404);
  });

  it('refuses an event stream upgrade from a foreign Host', async () => {
    const answer = await rawRequest(app.url, {
      path: '/api/v1/events',
      headers: {
        host: 'evil.example',
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    }).catch((error: unknown) => ({ status: 0, error }));
    expect(answer.status).toBe(0);
  });

  it('limits what the UI may connect to: its own origin only', () => {
    for (const csp of [uiContentSecurityPolicy(), uiContentSecurityPolicy('http://127.0.0.1:8787')]) {
      const connect = csp.split('; ').find((directive) => directive.startsWith('connect-src'));
      expect(connect).toBe("connect-src 'self'");
    }
  });
});
