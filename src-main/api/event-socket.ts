import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import {
  EVENT_TYPES,
  OPT_IN_EVENT_TYPES,
  type AnyEventEnvelope,
  type EventStreamReady,
} from '../../src-shared/contract/events.js';
import { firstFieldError } from '../../src-shared/validation.js';
import type { EventBus } from '../core/event-bus.js';
import type { Logger } from '../core/logger.js';
import { canAccessSession, canSeeEvent, checkScope } from '../services/access/authorizer.js';
import { isWindowItself, type Principal } from '../services/access/principal.js';
import type { EventRecorder } from '../services/events/event-recorder.js';
import type { KeyRevocation, KeyRevocationCause } from '../services/access/key-revocations.js';
import { sessionCookieOf, type Authenticator } from './auth.js';

/** How long a client may take to send its `{"token": …}` first message. */
const AUTH_TIMEOUT_MS = 10_000;
/**
 * Connections still waiting for their first message, at most: each costs a socket and a timer,
 * and anyone who can reach the port can open them, key or not.
 */
export const MAX_UNAUTHENTICATED_SOCKETS = 64;
/** Close codes in the 4000 range are ours, after the HTTP status they resemble. */
const CLOSE_BAD_REQUEST = 4400;
const CLOSE_UNAUTHORIZED = 4401;
const CLOSE_FORBIDDEN = 4403;
const CLOSE_RATE_LIMITED = 4429;
const REVOKED_REASONS: Record<KeyRevocationCause, string> = {
  revoked: 'the key was revoked',
  rotated: 'the key was rotated',
  'session-removed': "the key's session was removed",
  'signed-out': 'signed out',
};
/** Events read per page while catching up; between pages the socket may drain. */
const REPLAY_PAGE = 500;
const HIGH_WATER_BYTES = 1024 * 1024;

const firstMessage = z.object({
  token: z.string().min(1),
  types: z.array(z.enum(EVENT_TYPES)).min(1).optional(),
  sessions: z.array(z.string().min(1)).min(1).optional(),
  after: z
    .string()
    .regex(/^evt_[0-9a-f]+$/, 'must be an event id (evt_…)')
    .optional(),
});

interface Client {
  principal: Principal;
  types: ReadonlySet<string> | null;
  sessions: ReadonlySet<string> | null;
  /** False while catching up from the log; live events are then read from the log instead. */
  live: boolean;
  /** The newest event id sent (or skipped by filter): nothing at or before it is sent again. */
  lastId: string;
}

interface EventSocketDeps {
  /** Checks the first message's token; shares the wrong-key limit with the HTTP API. */
  auth: Authenticator;
  events: EventRecorder;
  bus: EventBus;
  logger: Logger;
}

/**
 * The WebSocket event stream (`/rpc/events` for the UI, `/api/v1/events` for scripts). A
 * browser cannot set headers on a WebSocket, so the key comes as the first message, with
 * optional `types` and `sessions` filters and `after` (the last event id the client has).
 * After `{"type":"ready","cursor":…}` the client gets every stored event after `after`, then
 * live events: catching up reads the event log page by page and switches to live in the same
 * tick as the last read, so nothing is missed or sent twice. When the log no longer holds everything after
 * `after` (older than its retention, or an id it never had), `ready` carries a `gap` so the
 * client knows to re-read instead of trusting the replay.
 */
export class EventSocketServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly clients = new Map<WebSocket, Client>();
  private unauthenticated = 0;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: EventSocketDeps) {
    this.unsubscribe = deps.bus.subscribe((event) => this.broadcast(event));
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.unauthenticated >= MAX_UNAUTHENTICATED_SOCKETS) {
      socket.end('HTTP/1.1 429 Too Many Requests\r\nRetry-After: 10\r\nConnection: close\r\n\r\n');
      return;
    }
    // A browser signed in with a cookie needs no token in its first message.
    const cookie = sessionCookieOf(request.headers);
    this.wss.handleUpgrade(request, socket, head, (ws) =>
      this.accept(ws, request.socket.remoteAddress ?? '', cookie),
    );
  }

  /**
   * Closes the streams opened with a key that stopped being valid, with the code a bad key gets
   * at the first message: the key was checked only then, so without this they would go on.
   */
  closeKey({ keyId, cause }: KeyRevocation): void {
    for (const [ws, client] of this.clients) {
      if (credentialOf(client.principal) !== keyId) continue;
      // Gone from the list at once: no further event reaches it while the close handshake runs.
      this.clients.delete(ws);
      ws.close(CLOSE_UNAUTHORIZED, REVOKED_REASONS[cause]);
    }
  }

  private accept(ws: WebSocket, address: string, cookie: string | null): void {
    this.unauthenticated += 1;
    let waiting = true;
    const authenticated = () => {
      if (waiting) this.unauthenticated -= 1;
      waiting = false;
    };
    const timer = setTimeout(
      () => ws.close(CLOSE_UNAUTHORIZED, 'send {"token": "<key>"} first'),
      AUTH_TIMEOUT_MS,
    );
    ws.once('message', (data) => {
      clearTimeout(timer);
      authenticated();
      const client = this.authenticate(ws, data.toString(), address, cookie);
      if (!client) return;
      this.clients.set(ws, client);
      ws.send(JSON.stringify(this.readyMessage(client)));
      if (!client.live) {
        this.catchUp(ws, client).catch((error: unknown) => {
          this.deps.logger.warn({ err: error }, 'event stream catch-up failed');
          ws.close(1011, 'catch-up failed');
        });
      }
    });
    ws.on('close', () => {
      clearTimeout(timer);
      authenticated();
      this.clients.delete(ws);
    });
    ws.on('error', (error) => this.deps.logger.debug({ err: error }, 'event socket error'));
  }

  /** The client described by the first message, or null after closing the socket with the reason. */
  private authenticate(
    ws: WebSocket,
    message: string,
    address: string,
    cookie: string | null,
  ): Client | null {
    let json: unknown;
    try {
      json = JSON.parse(message);
    } catch {
      json = null;
    }
    const token = (json as { token?: unknown } | null)?.token;
    const checked =
      cookie && token === undefined
        ? this.deps.auth.checkCookie(cookie, address)
        : this.deps.auth.check(typeof token === 'string' && token ? token : null, address);
    if (!checked.ok) {
      if (checked.reason === 'rate-limited') {
        ws.close(CLOSE_RATE_LIMITED, `too many wrong keys; try again in ${checked.waitSeconds} s`);
      } else {
        ws.close(CLOSE_UNAUTHORIZED, 'invalid token');
      }
      return null;
    }
    const principal = checked.principal;
    const parsed = firstMessage.safeParse(
      cookie && token === undefined ? { token: 'cookie', ...(json as object) } : json,
    );
    if (!parsed.success) {
      const { field, message: problem } = firstFieldError(parsed.error);
      ws.close(CLOSE_BAD_REQUEST, `${field}: ${problem}`.slice(0, 120));
      return null;
    }
    try {
      checkScope(principal, { scope: 'messages:read', people: 'self' });
    } catch {
      ws.close(CLOSE_FORBIDDEN, 'this key lacks the "messages:read" scope');
      return null;
    }
    const denied = parsed.data.sessions?.find((session) => !canAccessSession(principal, session));
    if (denied) {
      ws.close(CLOSE_FORBIDDEN, `this key may not use session "${denied}"`.slice(0, 120));
      return null;
    }
    return {
      principal,
      types: parsed.data.types ? new Set(parsed.data.types) : null,
      sessions: parsed.data.sessions ? new Set(parsed.data.sessions) : null,
      live: parsed.data.after === undefined,
      // Starting live: where the recorder's listeners are; `ready` tells the client, to resume from.
      lastId: parsed.data.after ?? this.deps.events.streamCursor(),
    };
  }

  /** `ready`, saying so when the replay cannot cover everything after `after`. */
  private readyMessage(client: Client): EventStreamReady {
    const ready: EventStreamReady = { type: 'ready', cursor: client.lastId };
    if (client.live) return ready;
    const gap = this.deps.events.resumeGap(client.lastId);
    if (gap) this.deps.logger.info({ gap }, 'event stream resumes with a gap');
    return gap ? { ...ready, gap } : ready;
  }

  private async catchUp(ws: WebSocket, client: Client): Promise<void> {
    for (;;) {
      if (!this.clients.has(ws)) return;
      const page = this.deps.events.since(client.lastId, REPLAY_PAGE);
      for (const event of page) {
        client.lastId = event.id;
        if (this.visible(client, event)) ws.send(JSON.stringify(event));
      }
      if (page.length < REPLAY_PAGE) {
        // No await since the read above: no event can have been dispatched in between.
        client.live = true;
        return;
      }
      await drained(ws);
    }
  }

  private visible(client: Client, event: AnyEventEnvelope): boolean {
    // The one per-principal filter (services/access/authorizer.ts), read live: a permission
    // change applies to the next event.
    if (!canSeeEvent(client.principal, event)) return false;
    if (client.types ? !client.types.has(event.type) : OPT_IN_EVENT_TYPES.has(event.type)) return false;
    if (client.sessions && (event.session === null || !client.sessions.has(event.session))) return false;
    return true;
  }

  private broadcast(event: AnyEventEnvelope): void {
    if (this.clients.size === 0) return;
    const text = JSON.stringify(event);
    for (const [ws, client] of this.clients) {
      if (!client.live || event.id <= client.lastId) continue;
      client.lastId = event.id;
      if (this.visible(client, event)) ws.send(text);
    }
  }

  close(): void {
    this.unsubscribe();
    for (const ws of this.clients.keys()) ws.terminate();
    this.wss.close();
  }
}

/** The credential a revocation names: a key's id, or a person's sign-in or token id. */
function credentialOf(principal: Principal): string | null {
  if (principal.kind === 'user') return principal.credentialId;
  return isWindowItself(principal) ? null : principal.keyId;
}

/**
 * Lets other work run between catch-up pages (live events keep being stored meanwhile), then
 * resolves once the socket's send buffer is below the high-water mark (or it closed).
 */
async function drained(ws: WebSocket): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  while (ws.readyState === ws.OPEN && ws.bufferedAmount > HIGH_WATER_BYTES) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
