import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AnyEventEnvelope } from '../../src-shared/contract/events.js';
import type { Logger } from '../core/logger.js';
import { answerDesktopCall, type DesktopCall } from './desktop-invoke.js';

/**
 * TEST ONLY (CHATDOCK_TEST_DESKTOP_BRIDGE_PORT, core/config.ts): Electron cannot run on the
 * machines that run the e2e tests, so the desktop window's renderer runs in Chromium there with a
 * stand-in for the preload's `window.chatdock` (e2e/support/desktop-window.ts) that forwards to
 * this listener. It answers exactly as Electron's IPC handler does — the same `answerDesktopCall`,
 * as the desktop seat's principal, through the same dispatcher and authorizer — and streams the
 * events the window would be sent. It listens on 127.0.0.1 only and exists only with the flag:
 * anyone who can reach it acts as the PC's window (the owner while the switcher is off).
 */
export interface DesktopWindowSide {
  call: DesktopCall;
  seesEvent(event: AnyEventEnvelope): boolean;
  subscribe(listener: (event: AnyEventEnvelope) => void): () => void;
  logger: Logger;
}

export interface DesktopTestBridge {
  port: number;
  close(): Promise<void>;
}

export const DESKTOP_BRIDGE_HOST = '127.0.0.1';
/** A contract call's input is small; the window's media goes through the REST API, not here. */
const MAX_BODY = 1024 * 1024;
/** Pages of this PC only (the e2e pages are served by the app on a loopback address). */
const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}$/;

export async function startDesktopTestBridge(
  window: DesktopWindowSide,
  port: number,
): Promise<DesktopTestBridge> {
  const streams = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    void handle(window, streams, request, response).catch((error: unknown) => {
      window.logger.error({ err: error }, 'desktop test bridge request failed');
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, DESKTOP_BRIDGE_HOST, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  window.logger.warn(`test-only desktop bridge on http://${DESKTOP_BRIDGE_HOST}:${bound}`);
  return {
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  window: DesktopWindowSide,
  streams: Set<http.ServerResponse>,
  request: http.IncomingMessage,
  response: http.ServerResponse,
): Promise<void> {
  // A foreign Host name is a page elsewhere reaching this port through DNS rebinding.
  const host = request.headers.host ?? '';
  if (!/^(127\.0\.0\.1|localhost):\d{1,5}$/.test(host)) return void response.writeHead(403).end();
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (!LOOPBACK_ORIGIN.test(origin)) return void response.writeHead(403).end();
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Vary', 'Origin');
  }
  const path = (request.url ?? '/').split('?')[0];
  if (request.method === 'OPTIONS') {
    response.setHeader('Access-Control-Allow-Methods', 'POST, GET');
    response.setHeader('Access-Control-Allow-Headers', 'content-type');
    return void response.writeHead(204).end();
  }
  if (request.method === 'POST' && path === '/invoke') {
    const call = parseCall(await readBody(request));
    const answer = call
      ? await answerDesktopCall(window.call, window.logger, call.operation, call.input)
      : { ok: false, error: { code: 'VALIDATION_FAILED', message: 'send {"operation", "input"} as JSON' } };
    response.writeHead(200, { 'Content-Type': 'application/json' });
    return void response.end(JSON.stringify(answer));
  }
  if (request.method === 'GET' && path === '/events') return openStream(window, streams, response);
  response.writeHead(404).end();
}

/** Server-sent events: what `electron/ipc.ts` would send the window, one event a message. */
function openStream(
  window: DesktopWindowSide,
  streams: Set<http.ServerResponse>,
  response: http.ServerResponse,
): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  response.write(': open\n\n');
  streams.add(response);
  const unsubscribe = window.subscribe((event) => {
    if (window.seesEvent(event)) response.write(`data: ${JSON.stringify(event)}\n\n`);
  });
  response.on('close', () => {
    unsubscribe();
    streams.delete(response);
  });
}

function parseCall(text: string | null): { operation: string; input: unknown } | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as { operation?: unknown; input?: unknown } | null;
    if (typeof value?.operation !== 'string') return null;
    return { operation: value.operation, input: value.input ?? {} };
  } catch {
    return null;
  }
}

/** The body as text, or null when it is larger than any call's input. */
function readBody(request: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
