import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  headers: http.IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; session: string | null; timestamp: string; data: unknown };
  receivedAt: number;
}

/** How the receiver answers: a status and body, or `down` (the connection is dropped, like a dead host). */
export type Answer =
  { status: number; body?: string; headers?: Record<string, string>; delayMs?: number } | 'down';

export interface WebhookReceiver {
  url: string;
  /** Every request that got an answer (not those dropped while down), in arrival order. */
  received: ReceivedDelivery[];
  /** Requests dropped while down. */
  dropped(): number;
  answerWith(answer: Answer | ((delivery: ReceivedDelivery) => Answer)): void;
  /** Resolves once `predicate(received)` holds; checked on every request. */
  until(predicate: (received: ReceivedDelivery[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves once `count` requests were dropped. */
  untilDropped(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A local webhook receiver on 127.0.0.1 for tests. It answers 200 `{}` until told otherwise. */
export async function startReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedDelivery[] = [];
  let dropped = 0;
  let answer: Answer | ((delivery: ReceivedDelivery) => Answer) = { status: 200, body: '{}' };
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const check of waiters) check();
  };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const delivery: ReceivedDelivery = {
        headers: request.headers,
        body,
        json: JSON.parse(body) as ReceivedDelivery['json'],
        receivedAt: Date.now(),
      };
      const chosen = typeof answer === 'function' ? answer(delivery) : answer;
      if (chosen === 'down') {
        dropped += 1;
        request.socket.destroy();
        notify();
        return;
      }
      const reply = () => {
        received.push(delivery);
        response.writeHead(chosen.status, { 'content-type': 'application/json', ...chosen.headers });
        response.end(chosen.body ?? '');
        notify();
      };
      if (chosen.delayMs) setTimeout(reply, chosen.delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const wait = (done: () => boolean, timeoutMs: number, what: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`receiver: ${what} not reached within ${timeoutMs} ms (got ${received.length})`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    dropped: () => dropped,
    answerWith(next) {
      answer = next;
    },
    until: (predicate, timeoutMs = 15_000) => wait(() => predicate(received), timeoutMs, 'condition'),
    untilDropped: (count, timeoutMs = 15_000) => wait(() => dropped >= count, timeoutMs, `${count} drops`),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The first arrival of each event id, in arrival order (retries after a lost answer are duplicates). */
export function uniqueIds(received: ReceivedDelivery[]): string[] {
  return [...new Set(received.map((delivery) => delivery.json.id))];
}
