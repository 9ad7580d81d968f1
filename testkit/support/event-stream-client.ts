import { WebSocket } from 'ws';
import type { AnyEventEnvelope, EventStreamGap, EventStreamReady } from '../../src-shared/contract/events.js';

/** A test client of the public event stream (`/api/v1/events`). */
export interface StreamClient {
  socket: WebSocket;
  events: AnyEventEnvelope[];
  /** Resolves once `predicate(events)` holds; checked on every event. */
  until(predicate: (events: AnyEventEnvelope[]) => boolean, timeoutMs?: number): Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
}

/**
 * Opens the stream of the core at `baseUrl`, sends `first` (token, filters, `after`) and waits
 * for `ready`; `ready` is false when the server closed the socket instead. `gap` is what
 * `ready` said about events the resume cannot replay, `cursor` where the stream starts.
 */
export async function connectEventStream(
  baseUrl: string,
  first: Record<string, unknown>,
  onEvent?: (event: AnyEventEnvelope) => void,
): Promise<{ client: StreamClient; ready: boolean; gap: EventStreamGap | null; cursor: string }> {
  const socket = new WebSocket(baseUrl.replace('http', 'ws') + '/api/v1/events');
  const events: AnyEventEnvelope[] = [];
  const checks = new Set<() => void>();
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  let gap: EventStreamGap | null = null;
  let cursor = '';
  const ready = new Promise<boolean>((resolve) => {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as AnyEventEnvelope | EventStreamReady;
      if (message.type === 'ready') {
        gap = message.gap ?? null;
        cursor = message.cursor;
        resolve(true);
        return;
      }
      events.push(message as AnyEventEnvelope);
      onEvent?.(message as AnyEventEnvelope);
      for (const check of checks) check();
    });
    void closed.then(() => resolve(false));
  });
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(JSON.stringify(first));
  const client: StreamClient = {
    socket,
    events,
    closed,
    until: (predicate, timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!predicate(events)) return;
          checks.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          checks.delete(check);
          reject(new Error(`stream: condition not met within ${timeoutMs} ms (${events.length} events)`));
        }, timeoutMs);
        checks.add(check);
        check();
      }),
  };
  return { client, ready: await ready, gap, cursor };
}
