import type { OpInput, OpName, OpOutput } from '../../src-shared/contract';
import type { AnyEventEnvelope } from '../../src-shared/events';
import { Listeners } from './listeners';
import { RpcError } from './rpc-error';
import type { EventListener, LinkState, Transport } from './types';

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 10_000;

/**
 * The browser transport: `POST /rpc/<op>` for calls and the `/rpc/events` WebSocket for
 * events, both authorised with the key the user logged in with. The socket reconnects with
 * backoff; a rejected key ends it for good (the UI goes back to the login screen).
 */
export class HttpTransport implements Transport {
  readonly kind = 'http' as const;
  private readonly events = new Listeners<AnyEventEnvelope>();
  private readonly linkStates = new Listeners<LinkState>();
  private socket: WebSocket | null = null;
  private reconnectDelay = RECONNECT_MIN_MS;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  /** The newest event seen; a reconnect asks the server to replay everything after it. */
  private lastEventId: string | null = null;

  constructor(
    private readonly key: string,
    private readonly onUnauthorized: () => void,
    private readonly origin = window.location.origin,
  ) {}

  async call<K extends OpName>(operation: K, input: OpInput<K>): Promise<OpOutput<K>> {
    const response = await fetch(`${this.origin}/rpc/${operation}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.key}` },
      body: JSON.stringify(input ?? {}),
    });
    const body = (await response.json().catch(() => null)) as { result?: unknown; error?: unknown } | null;
    if (!response.ok) {
      if (response.status === 401) this.onUnauthorized();
      throw RpcError.from(body?.error ?? { code: 'INTERNAL', message: `HTTP ${response.status}` });
    }
    return body?.result as OpOutput<K>;
  }

  subscribe(listener: EventListener): () => void {
    if (!this.socket && !this.closed) this.connect();
    return this.events.add(listener);
  }

  onLinkState(listener: (state: LinkState) => void): () => void {
    return this.linkStates.add(listener);
  }

  close(): void {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.socket?.close();
  }

  private connect(): void {
    this.linkStates.emit('connecting');
    const url = this.origin.replace(/^http/, 'ws') + '/rpc/events';
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () =>
      socket.send(
        JSON.stringify(this.lastEventId ? { token: this.key, after: this.lastEventId } : { token: this.key }),
      );
    socket.onmessage = (message) => {
      const data = JSON.parse(String(message.data)) as { type: string };
      if (data.type === 'ready') {
        this.reconnectDelay = RECONNECT_MIN_MS;
        this.linkStates.emit('open');
        return;
      }
      const event = data as AnyEventEnvelope;
      this.lastEventId = event.id;
      this.events.emit(event);
    };
    socket.onclose = (event) => {
      this.socket = null;
      this.linkStates.emit('closed');
      if (event.code === 4401) {
        this.onUnauthorized();
        return;
      }
      if (!this.closed) this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    const jitter = Math.random() * this.reconnectDelay * 0.3;
    this.reconnectTimer = setTimeout(() => this.connect(), this.reconnectDelay + jitter);
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
  }
}
