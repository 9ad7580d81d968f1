/**
 * The webhook sender over node:http (session 13, instead of fetch): what fetch did for it, it
 * still does — no redirect is followed, the answer is read up to 64 KB, Retry-After is passed on,
 * a stopped worker's request ends as "stopped", a closed port is a connection failure.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpSend } from './http-sender.js';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const send = (url: string, extra: { signal?: AbortSignal; timeoutMs?: number } = {}) =>
  httpSend({
    url,
    headers: { 'content-type': 'application/json' },
    body: '{"a":"ü"}',
    timeoutMs: 10_000,
    ...extra,
  });

describe('httpSend', () => {
  it('POSTs the body with its length and headers, and answers status, text and Retry-After', async () => {
    let seen: { method?: string; length?: string; type?: string; body: string } = { body: '' };
    const url = await serve((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        seen = {
          method: request.method,
          length: request.headers['content-length'],
          type: request.headers['content-type'],
          body,
        };
        response.writeHead(503, { 'retry-after': '7' });
        response.end('busy');
      });
    });
    const result = await send(`${url}/hook`);
    expect(seen).toEqual({ method: 'POST', length: '10', type: 'application/json', body: '{"a":"ü"}' });
    expect(result).toMatchObject({
      statusCode: 503,
      error: 'HTTP 503',
      responseText: 'busy',
      retryAfter: '7',
    });
  });

  it('does not follow a redirect', async () => {
    let followed = false;
    const url = await serve((request, response) => {
      if (request.url === '/elsewhere') followed = true;
      response.writeHead(307, { location: '/elsewhere' });
      response.end();
    });
    const result = await send(`${url}/hook`);
    expect(result).toMatchObject({ statusCode: 307, error: 'HTTP 307' });
    expect(followed).toBe(false);
  });

  it('reads at most 64 KB of an answer', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(200);
      response.end('x'.repeat(1024 * 1024));
    });
    const result = await send(url);
    expect(result.statusCode).toBe(200);
    expect(result.error).toBeNull();
    expect(result.responseText).toHaveLength(64 * 1024);
  });

  it('ends as "stopped" when the worker stops, and as a connection failure on a closed port', async () => {
    const url = await serve(() => undefined); // never answers
    const controller = new AbortController();
    const pending = send(url, { signal: controller.signal });
    controller.abort();
    expect(await pending).toMatchObject({ statusCode: null, error: 'stopped' });

    const closed = await serve(() => undefined);
    const server = servers.pop() as http.Server;
    await new Promise((resolve) => server.close(resolve));
    expect(await send(closed)).toMatchObject({ statusCode: null, error: 'connection failed: ECONNREFUSED' });
  });

  it('times out a receiver that does not answer', async () => {
    const url = await serve(() => undefined);
    expect(await send(url, { timeoutMs: 200 })).toMatchObject({
      statusCode: null,
      error: 'timed out after 200 ms',
    });
  });
});
