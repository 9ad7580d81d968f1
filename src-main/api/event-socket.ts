import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AnyEventEnvelope } from '../../src-shared/events.js';
import type { EventBus } from '../core/event-bus.js';
import type { Logger } from '../core/logger.js';
import type { ApiKeyService, KeyPrincipal } from '../services/api-keys.js';

/** How long a client may take to send its `{"token": …}` first message. */
const AUTH_TIMEOUT_MS = 10_000;
/** Close codes in the 4000 range are ours: 4401 = not authorised. */
const CLOSE_UNAUTHORIZED = 4401;

/**
 * The WebSocket event stream. A browser cannot set headers on a WebSocket, so the key
 * comes as the first message; until then nothing is sent. Events are the bus envelopes.
 */
export class EventSocketServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly clients = new Map<WebSocket, KeyPrincipal>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly apiKeys: ApiKeyService,
    bus: EventBus,
    private readonly logger: Logger,
  ) {
    this.unsubscribe = bus.subscribe((event) => this.broadcast(event));
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
  }

  private accept(ws: WebSocket): void {
    const timer = setTimeout(
      () => ws.close(CLOSE_UNAUTHORIZED, 'send {"token": "<key>"} first'),
      AUTH_TIMEOUT_MS,
    );
    ws.once('message', (data) => {
      clearTimeout(timer);
      const principal = this.authenticate(data.toString());
      if (!principal) {
        ws.close(CLOSE_UNAUTHORIZED, 'invalid token');
        return;
      }
      this.clients.set(ws, principal);
      ws.send(JSON.stringify({ type: 'ready' }));
    });
    ws.on('close', () => {
      clearTimeout(timer);
      this.clients.delete(ws);
    });
    ws.on('error', (error) => this.logger.debug({ err: error }, 'event socket error'));
  }

  private authenticate(message: string): KeyPrincipal | null {
    try {
      const { token } = JSON.parse(message) as { token?: unknown };
      return typeof token === 'string' ? this.apiKeys.verify(token) : null;
    } catch {
      return null;
    }
  }

  private broadcast(event: AnyEventEnvelope): void {
    if (this.clients.size === 0) return;
    const text = JSON.stringify(event);
    for (const [ws, principal] of this.clients) {
      if (principal.kind === 'session' && event.session !== principal.sessionId) continue;
      ws.send(text);
    }
  }

  close(): void {
    this.unsubscribe();
    for (const ws of this.clients.keys()) ws.terminate();
    this.wss.close();
  }
}
