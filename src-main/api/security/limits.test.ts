import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { rawRequest } from '../../../testkit/support/raw-http.js';
import { startTestCore, TEST_ADMIN_KEY, type TestCore } from '../../../testkit/support/test-core.js';
import { BodyBudget } from '../body.js';
import { MAX_UNAUTHENTICATED_SOCKETS } from '../event-socket.js';
import { createKoaApp, createRequestGuards, type RequestGuards } from '../server.js';

/** The app's Koa handler on its own server, with guards a test chose (e.g. a small body budget). */
async function serveWith(
  app: TestCore,
  guards: RequestGuards,
): Promise<{ url: string; close: () => Promise<void> }> {
  const { core } = app;
  const koa = createKoaApp(
    {
      services: core.services,
      dispatcher: core.dispatcher,
      bus: core.bus,
      logger: core.logger,
      version: 't',
      webRoot: '.',
    },
    guards,
  );
  const server = http.createServer(koa.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('limits that must not lock the owner out or exhaust the process', () => {
  let app: TestCore | null = null;
  // The limiters refill with time; frozen, the counts below hold however slow the machine is.
  const FROZEN = () => 1_000_000;
  afterEach(async () => {
    await app?.stop();
    app = null;
  });

  it('refuses wrong keys after 20 tries but never a valid key, over REST, /rpc and the stream', async () => {
    app = await startTestCore({}, { rateLimitClock: FROZEN });
    for (let i = 0; i < 25; i += 1) await app.request('/api/v1/sessions', { key: `wrong-${i}` });
    expect((await app.request('/api/v1/sessions', { key: 'wrong-again' })).status).toBe(429);
    expect((await app.request('/api/v1/sessions')).status).toBe(200);
    const rpc = await app.request('/rpc/sessions.list', { method: 'POST', json: {} });
    expect(rpc.status).toBe(200);
    const ws = new WebSocket(`${app.url.replace('http', 'ws')}/api/v1/events`);
    const first = await new Promise<string>((resolve, reject) => {
      ws.once('open', () => ws.send(JSON.stringify({ token: TEST_ADMIN_KEY })));
      ws.once('message', (data) => resolve(String(data)));
      ws.once('close', (code) => reject(new Error(`closed ${code}`)));
    });
    expect(JSON.parse(first)).toMatchObject({ type: 'ready' });
    ws.close();
    // A wrong key on the stream from the locked-out address: closed with 4429, saying when to retry.
    const wrong = new WebSocket(`${app.url.replace('http', 'ws')}/api/v1/events`);
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => {
      wrong.once('open', () => wrong.send(JSON.stringify({ token: 'wrong-on-the-stream' })));
      wrong.once('close', (code, reason) => resolve({ code, reason: String(reason) }));
    });
    expect(closed.code).toBe(4429);
    expect(closed.reason).toMatch(/try again in \d+ s/);
  });

  it('counts sensitive operations per key, so one key cannot use up another key’s budget', async () => {
    app = await startTestCore({}, { rateLimitClock: FROZEN });
    const other = await app.request('/api/v1/keys', {
      method: 'POST',
      json: { name: 'other', scopes: ['admin'] },
    });
    const { key } = (await other.json()) as { key: string };
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      statuses.push(
        (
          await app.request('/api/v1/keys', {
            method: 'POST',
            key,
            json: { name: `k${i}`, scopes: ['messages:read'] },
          })
        ).status,
      );
    }
    expect(statuses.slice(0, 30).every((status) => status === 201)).toBe(true);
    expect(statuses[30]).toBe(429);
    const owner = await app.request('/api/v1/keys', {
      method: 'POST',
      json: { name: 'mine', scopes: ['admin'] },
    });
    expect(owner.status).toBe(201);
  });

  it('answers a key that may not call a route before reading its body', async () => {
    app = await startTestCore();
    const created = await app.request('/api/v1/keys', {
      method: 'POST',
      json: { name: 'reader', scopes: ['messages:read'] },
    });
    const { key } = (await created.json()) as { key: string };
    // 100 MB announced, a few bytes sent, the request left open: the answer still comes.
    const answer = await rawRequest(app.url, {
      method: 'POST',
      path: '/api/v1/keys',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        'content-length': String(100 * 1024 * 1024),
      },
      body: '{"name":',
      endBody: false,
    });
    expect(answer.status).toBe(403);
    // Validation comes after permission: a bad body tells such a key nothing but 403.
    const invalid = await app.request('/api/v1/keys', { method: 'POST', key, json: { scopes: 'nope' } });
    expect(invalid.status).toBe(403);
  });

  it('refuses a body over the route’s limit with 413 naming the body', async () => {
    app = await startTestCore();
    const big = JSON.stringify({ name: 'x'.repeat(5 * 1024 * 1024), scopes: ['admin'] });
    const answer = await app.request('/api/v1/keys', {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(413);
    expect(await answer.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE', field: 'body' } });
    expect((await app.request('/api/v1/health', { key: null })).status).toBe(200);
  });

  it('survives a truncated multipart upload and keeps serving', async () => {
    app = await startTestCore();
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop', name: 'Shop' } });
    const head =
      '--b\r\nContent-Disposition: form-data; name="to"\r\n\r\n441234567890\r\n' +
      '--b\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n';
    for (let i = 0; i < 3; i += 1) {
      // The body ends in the middle of the file part: busboy reports "Unexpected end of form".
      const answer = await rawRequest(app.url, {
        method: 'POST',
        path: '/api/v1/sessions/shop/messages',
        headers: {
          authorization: `Bearer ${TEST_ADMIN_KEY}`,
          'content-type': 'multipart/form-data; boundary=b',
        },
        body: head + 'x'.repeat(1000),
      });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'body' } });
    }
    expect((await app.request('/api/v1/health', { key: null })).status).toBe(200);
  });

  it(`keeps at most ${MAX_UNAUTHENTICATED_SOCKETS} event streams waiting for their key`, async () => {
    app = await startTestCore();
    const url = `${app.url.replace('http', 'ws')}/api/v1/events`;
    const open = (socket: WebSocket) =>
      new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      });
    const waiting = Array.from({ length: MAX_UNAUTHENTICATED_SOCKETS }, () => new WebSocket(url));
    await Promise.all(waiting.map(open));
    const extra = new WebSocket(url);
    const refusal = await new Promise<number>((resolve) => {
      extra.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      extra.once('open', () => resolve(101));
    });
    expect(refusal).toBe(429);
    // One that authenticates frees its place.
    waiting[0]?.send(JSON.stringify({ token: TEST_ADMIN_KEY }));
    await new Promise((resolve) => waiting[0]?.once('message', resolve));
    const next = new WebSocket(url);
    await open(next);
    for (const socket of [...waiting, next]) socket.terminate();
  });

  it('caps the body bytes held at once across requests, and frees them when a request ends', async () => {
    app = await startTestCore();
    const guards = { ...createRequestGuards(app.core.services), budget: new BodyBudget(1024 * 1024) };
    const { url, close } = await serveWith(app, guards);
    try {
      const headers = { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' };
      const half = '"' + 'x'.repeat(700 * 1024);
      // The first body is held open, half sent; the second would go past the 1 MB budget.
      const held = rawRequest(url, {
        method: 'POST',
        path: '/api/v1/keys',
        headers: { ...headers, 'content-length': String(2 * half.length) },
        body: half,
        endBody: false,
      });
      // Wait until the server has read all of the first half (slow on a loaded machine), then check.
      for (let i = 0; i < 500 && guards.budget.used < half.length; i += 1)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(guards.budget.used).toBe(half.length);
      const second = await rawRequest(url, {
        method: 'POST',
        path: '/api/v1/keys',
        headers,
        body: `{"name":${half}"}`,
      });
      expect(second.status).toBe(429);
      void held.catch(() => undefined);
    } finally {
      await close();
    }
    // The held request was cut off by closing the server: its bytes are given back.
    for (let i = 0; i < 50 && guards.budget.used > 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(guards.budget.used).toBe(0);
  });

  it('drops a body that stalls, so slow senders cannot hold sockets and memory', async () => {
    app = await startTestCore();
    const guards = { ...createRequestGuards(app.core.services), budget: new BodyBudget(1024 * 1024, 300) };
    const { url, close } = await serveWith(app, guards);
    try {
      const stalled = rawRequest(url, {
        method: 'POST',
        path: '/api/v1/keys',
        headers: {
          authorization: `Bearer ${TEST_ADMIN_KEY}`,
          'content-type': 'application/json',
          'content-length': '1000',
        },
        body: '{"name":"slo',
        endBody: false,
      });
      // The server hangs up on it (an answer cannot go out on a connection it closed).
      await expect(stalled).rejects.toThrow();
      expect(guards.budget.used).toBe(0);
      expect((await rawRequest(url, { path: '/api/v1/health' })).status).toBe(200);
    } finally {
      await close();
    }
  });
});
