import net from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../core/config.js';
import type { InvokeAnswer } from '../../src-shared/desktop-bridge.js';
import { startTestCore, type TestCore } from '../../testkit/support/test-core.js';

/** A port nothing listens on right now (taken from the OS, then given back). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether something accepts a TCP connection at host:port. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** This machine's own non-loopback IPv4 addresses (none on some CI machines). */
const lanAddresses = () =>
  Object.values(os.networkInterfaces())
    .flat()
    .filter((entry) => entry && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry!.address);

/**
 * The test-only desktop bridge (api/desktop-test-bridge.ts): absent unless its config flag is
 * set, bound to 127.0.0.1 only, and answering as the desktop window's IPC does.
 */
describe('desktop test bridge', () => {
  it('is off by default: no setting, and a core started without it listens on no bridge port', async () => {
    expect(loadConfig({ CHATDOCK_DATA_DIR: os.tmpdir() }).desktopTestBridgePort).toBeNull();
    expect(() =>
      loadConfig({ CHATDOCK_DATA_DIR: os.tmpdir(), CHATDOCK_TEST_DESKTOP_BRIDGE_PORT: 'x' }),
    ).toThrow(/CHATDOCK_TEST_DESKTOP_BRIDGE_PORT/);
    const port = await freePort();
    // The same port the next test's core is told to use: without the flag nothing answers on it.
    const app = await startTestCore();
    try {
      expect(app.core.desktopTestBridgePort()).toBeNull();
      expect(await accepts('127.0.0.1', port)).toBe(false);
      // And the API itself has no such route.
      const response = await app.request('/invoke', { method: 'POST', json: { operation: 'desktop.state' } });
      expect(response.headers.get('content-type') ?? '').not.toContain('application/json');
    } finally {
      await app.stop();
    }
  });

  describe('with CHATDOCK_TEST_DESKTOP_BRIDGE_PORT', () => {
    let app: TestCore;
    let base: string;
    const invoke = async (operation: string, input: unknown = {}, headers: Record<string, string> = {}) => {
      const response = await fetch(`${base}/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', ...headers },
        body: JSON.stringify({ operation, input }),
      });
      return { response, answer: (await response.json()) as InvokeAnswer };
    };

    beforeAll(async () => {
      app = await startTestCore({ CHATDOCK_TEST_DESKTOP_BRIDGE_PORT: '0' });
      base = `http://127.0.0.1:${app.core.desktopTestBridgePort()}`;
    });

    afterAll(async () => {
      await app?.stop();
    });

    it('listens on 127.0.0.1 only', async () => {
      const port = app.core.desktopTestBridgePort()!;
      expect(await accepts('127.0.0.1', port)).toBe(true);
      for (const address of lanAddresses()) expect(await accepts(address, port)).toBe(false);
    });

    it('streams the events the window is sent', async () => {
      const stream = await fetch(`${base}/events`);
      const reader = stream.body!.getReader();
      await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop' } });
      expect((await app.request('/api/v1/teams', { method: 'POST', json: { name: 'Sales' } })).status).toBe(
        201,
      );
      let text = '';
      while (!text.includes('"team.created"')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += Buffer.from(value).toString();
      }
      await reader.cancel();
      const events = [...text.matchAll(/^data: (.*)$/gm)].map((line) => JSON.parse(line[1]!) as object);
      expect(events).toContainEqual(
        expect.objectContaining({ type: 'team.created', actor: expect.anything() }),
      );
    });

    it('answers as the IPC handler: the owner while the switcher is off, then only the switcher while locked', async () => {
      const owner = await invoke('desktop.state');
      expect(owner.answer).toEqual({ ok: true, result: { mode: 'owner', person: null, people: [] } });
      expect((await invoke('sessions.list')).answer).toMatchObject({ ok: true, result: [{ id: 'shop' }] });

      await invoke('peopleSettings.update', { askWhoIsUsingThisPc: true });
      const locked = await invoke('desktop.state');
      expect(locked.answer).toMatchObject({ ok: true, result: { mode: 'locked' } });
      // The same refusal core.callFromDesktop gives (rpc/desktop-switcher.test.ts): 403 FORBIDDEN.
      const refused = await invoke('sessions.list');
      expect(refused.answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const wrong = await invoke('desktop.switch', { userId: 'usr_nobody', secret: '1234' });
      expect(wrong.answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'userId' } });
      // Bad input is named like any contract call's.
      const bad = await invoke('desktop.switch', { userId: 42 });
      expect(bad.answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      await invoke('peopleSettings.update', { askWhoIsUsingThisPc: false }).then(({ answer }) =>
        expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } }),
      );
    });

    it('admits pages of this PC only, and refuses other host names', async () => {
      const local = await invoke('desktop.state', {}, { origin: 'http://127.0.0.1:5173' });
      expect(local.response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
      const foreign = await fetch(`${base}/invoke`, {
        method: 'POST',
        headers: { origin: 'https://evil.example' },
        body: JSON.stringify({ operation: 'desktop.state', input: {} }),
      });
      expect(foreign.status).toBe(403);
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
      const rebound = await new Promise<number>((resolve, reject) => {
        const socket = net.connect({ host: '127.0.0.1', port: app.core.desktopTestBridgePort()! }, () =>
          socket.write('GET /events HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n'),
        );
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1])));
        socket.on('error', reject);
      });
      expect(rebound).toBe(403);
      const garbage = await fetch(`${base}/invoke`, { method: 'POST', body: 'not json' });
      expect(((await garbage.json()) as InvokeAnswer).ok).toBe(false);
    });
  });
});
