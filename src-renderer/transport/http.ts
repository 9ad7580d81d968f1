import type { OpInput, OpName, OpOutput } from '../../src-shared/contract';
import type { AnyEventEnvelope, EventStreamReady } from '../../src-shared/contract/events';
import { Listeners } from './listeners';
import { RpcError } from './rpc-error';
import type { EventListener, LinkState, Transport } from './types';

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 10_000;
/** The event stream's close code for a key it does not (or no longer) accept. */
const CLOSE_UNAUTHORIZED = 4401;

const ignore = () => undefined;

/**
 * The browser transport: `POST /rpc/<op>` for calls and the `/rpc/events` WebSocket for
 * events, both authorised with the key the user logged in with. The socket reconnects with
 * backoff; a rejected key ends it for good (the UI goes back to the login screen), unless the
 * key was just replaced (`useKey`, `callReplacingKey`): then calls are sent again and the
 * stream reconnects with the new key, resuming after the last event it delivered.
 */
export class HttpTransport implements Transport {
  readonly kind = 'http' as const;
  private readonly events = new Listeners<AnyEventEnvelope>();
  private readonly linkStates = new Listeners<LinkState>();
  private socket: WebSocket | null = null;
  private reconnectDelay = RECONNECT_MIN_MS;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  /** The newest event seen (or the stream's starting cursor); a reconnect replays what came after. */
  private lastEventId: string | null = null;
  private currentKey: string;
  /** Settles when the running key replacement has (it never rejects); null when none runs. */
  private keyChange: Promise<void> | null = null;
  /** The stream was refused while the key was being replaced: it reconnects once that is done. */
  private streamWaitsForKey = false;

  constructor(
    key: string,
    private readonly onUnauthorized: () => void,
    private readonly origin = window.location.origin,
  ) {
    this.currentKey = key;
  }

  /** The key calls and the event stream are authorised with. */
  get key(): string {
    return this.currentKey;
  }

  async call<K extends OpName>(operation: K, input: OpInput<K>): Promise<OpOutput<K>> {
    const key = this.currentKey;
    const { status, body } = await this.post(operation, input, key);
    if (status === 401) {
      // Sent with a key that has just been replaced: the core refused it before doing anything,
      // so it is safe to send again with the new one.
      await this.keyChange;
      if (this.currentKey !== key) return this.call(operation, input);
      this.onUnauthorized();
    }
    return this.result<K>(status, body);
  }

  /**
   * Runs an operation that replaces the key this transport itself signs in with (rotating the
   * admin key) and switches to the key `keyOf` reads from its answer. Meanwhile the core may
   * already refuse the old key (it closes the event stream at once): that is expected here, not
   * a reason to sign out.
   */
  async callReplacingKey<K extends OpName>(
    operation: K,
    input: OpInput<K>,
    keyOf: (result: OpOutput<K>) => string,
  ): Promise<OpOutput<K>> {
    const run = (async () => {
      const { status, body } = await this.post(operation, input, this.currentKey);
      if (status === 401) this.onUnauthorized();
      const result = this.result<K>(status, body);
      this.useKey(keyOf(result));
      return result;
    })();
    this.keyChange = run.then(ignore, ignore);
    try {
      return await run;
    } finally {
      this.keyChange = null;
      if (this.streamWaitsForKey) {
        this.streamWaitsForKey = false;
        if (!this.closed && !this.socket) this.connect();
      }
    }
  }

  /**
   * Signs in with `key` from now on (the key was rotated here or in another tab). An open or
   * reconnecting event stream reconnects with it at once, resuming after the last event.
   */
  useKey(key: string): void {
    if (key === this.currentKey) return;
    this.currentKey = key;
    if (this.closed) return;
    const old = this.socket;
    if (old) {
      old.onopen = null;
      old.onmessage = null;
      old.onclose = null;
      old.close(1000, 'the key changed');
      this.socket = null;
    } else if (this.reconnectTimer) {
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = null;
    } else if (!this.streamWaitsForKey || this.keyChange) {
      // No stream to move over (none yet, or it waits for the running replacement to end).
      return;
    }
    this.streamWaitsForKey = false;
    this.connect();
  }

  subscribe(listener: EventListener): () => void {
    if (!this.socket && !this.closed && !this.reconnectTimer && !this.streamWaitsForKey) this.connect();
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

  private async post(operation: OpName, input: unknown, key: string) {
    const response = await fetch(`${this.origin}/rpc/${operation}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
      body: JSON.stringify(input ?? {}),
    });
    const body = (await response.json().catch(() => null)) as { result?: unknown; error?: unknown } | null;
    return { status: response.status, body };
  }

  private result<K extends OpName>(
    status: number,
    body: { result?: unknown; error?: unknown } | null,
  ): OpOutput<K> {
    if (status < 200 || status >= 300) {
      throw RpcError.from(body?.error ?? { code: 'INTERNAL', message: `HTTP ${status}` });
    }
    return body?.result as OpOutput<K>;
  }

  private connect(): void {
    this.reconnectTimer = null;
    this.linkStates.emit('connecting');
    const url = this.origin.replace(/^http/, 'ws') + '/rpc/events';
    const key = this.currentKey;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () =>
      socket.send(
        JSON.stringify(this.lastEventId ? { token: key, after: this.lastEventId } : { token: key }),
      );
    socket.onmessage = (message) => {
      const data = JSON.parse(String(message.data)) as AnyEventEnvelope | EventStreamReady;
      if (data.type === 'ready') {
        // Where the stream starts: resuming from it loses nothing even before any event came.
        this.lastEventId = data.cursor;
        this.reconnectDelay = RECONNECT_MIN_MS;
        this.linkStates.emit('open');
        return;
      }
      this.lastEventId = data.id;
      this.events.emit(data);
    };
    socket.onclose = (event) => {
      this.socket = null;
      this.linkStates.emit('closed');
      if (event.code === CLOSE_UNAUTHORIZED) {
        if (this.keyChange) {
          this.streamWaitsForKey = true;
        } else if (key !== this.currentKey) {
          this.connect();
        } else {
          this.onUnauthorized();
        }
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
