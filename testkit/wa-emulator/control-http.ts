/**
 * JSON control endpoint on 127.0.0.1 exposing the emulator API to the CLI and browser e2e tests.
 *
 *   GET  /info                         → { wsUrl, rootKeyHex, caCertPath, controlUrl, mediaUrl }
 *   GET  /accounts                     → AccountSummary[]
 *   POST /accounts      {phone, name}  → AccountSummary            (createAccount)
 *   GET  /groups                       → GroupSummary[]
 *   POST /scan          {qr, phone, name?} → LinkedDevice          (the phone scans a QR)
 *   POST /pairing-code  {phone, code, name?} → LinkedDevice
 *   POST /kick          {phone, reason: "replaced"|"logged_out"}
 *   POST /online        {phone, online: boolean}
 *   POST /about         {phone, text}                   (setAbout)
 *   POST /profile-picture {phone, base64 | null}        (setProfilePicture; null removes it)
 *   GET  /messages?phone=              → logged stanzas (bytes as { base64 })
 *   POST /call          {from, to, video?} → CallRecord
 *   GET  /calls                        → CallRecord[]
 *   POST /suspend, POST /resume        (network loss on the chat port)
 * Errors answer `{ error }` with status 400.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { toJsonNode } from './binary.js';
import type { Emulator, KickReason } from './emulator.js';

type Body = Record<string, unknown>;
type Route = (body: Body, query: URLSearchParams) => unknown;

export class ControlServer {
  private readonly server: Server;
  private readonly routes: Record<string, Route>;

  constructor(emulator: Emulator) {
    this.routes = {
      'GET /info': () => emulator.info(),
      'GET /accounts': () => emulator.accounts(),
      'POST /accounts': (body) => emulator.createAccount(text(body, 'phone'), optionalText(body, 'name')),
      'GET /groups': () => emulator.groups(),
      'POST /scan': (body) =>
        emulator.scanQr(text(body, 'qr'), text(body, 'phone'), optionalText(body, 'name')),
      'POST /pairing-code': (body) =>
        emulator.confirmPairingCode(text(body, 'phone'), text(body, 'code'), optionalText(body, 'name')),
      'POST /kick': (body) => {
        const reason = text(body, 'reason');
        if (reason !== 'replaced' && reason !== 'logged_out') {
          throw new Error('reason must be "replaced" or "logged_out"');
        }
        emulator.kick(text(body, 'phone'), reason satisfies KickReason);
        return { ok: true };
      },
      'POST /online': (body) => {
        emulator.setOnline(text(body, 'phone'), body.online === true);
        return { ok: true };
      },
      'POST /about': (body) => {
        emulator.setAbout(text(body, 'phone'), text(body, 'text'));
        return { ok: true };
      },
      'POST /profile-picture': (body) => {
        if (body.base64 !== null && typeof body.base64 !== 'string') {
          throw new Error('"base64" must be the picture as base64, or null to remove it');
        }
        emulator.setProfilePicture(
          text(body, 'phone'),
          body.base64 === null ? null : Buffer.from(body.base64, 'base64'),
        );
        return { ok: true };
      },
      'GET /messages': (_body, query) =>
        emulator
          .messagesFor(query.get('phone') ?? '')
          .map((entry) => ({ ...entry, stanza: toJsonNode(entry.stanza) })),
      'POST /call': (body) =>
        emulator.placeCall(text(body, 'from'), text(body, 'to'), { video: body.video === true }),
      'GET /calls': () => emulator.calls(),
      'POST /suspend': async () => {
        await emulator.suspend();
        return { ok: true };
      },
      'POST /resume': async () => {
        await emulator.resume();
        return { ok: true };
      },
    };
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = this.routes[`${req.method ?? 'GET'} ${url.pathname}`];
    if (!route) {
      return send(res, 404, { error: `no route ${req.method ?? ''} ${url.pathname}` });
    }
    try {
      const body = req.method === 'POST' ? await readJson(req) : {};
      send(res, 200, (await route(body, url.searchParams)) ?? { ok: true });
    } catch (error) {
      send(res, 400, { error: error instanceof Error ? error.message : String(error) });
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  }
  const raw = Buffer.concat(chunks).toString('utf-8').trim();
  if (!raw) {
    return {};
  }
  const parsed: unknown = JSON.parse(raw);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error('body must be a JSON object');
  }
  return parsed as Body;
}

function text(body: Body, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new Error(`missing "${key}"`);
  }
  return String(value);
}

function optionalText(body: Body, key: string): string | undefined {
  return body[key] === undefined ? undefined : text(body, key);
}
