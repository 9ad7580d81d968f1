/**
 * Case 7: the webhook outbox. A local receiver (its own worker thread, so it does not steal
 * the core's event loop) answers 200 and timestamps arrivals by webhook-id (the event id).
 *  - drain: 10k events recorded in one transaction (spread over 500 chats, as a busy shop's
 *    traffic is), timed until every delivery is stored as succeeded;
 *  - latency: events recorded one at a time at a steady 200/s, event → arrival.
 * Raw: plain fetch POSTs of the same bodies to the same receiver, with the worker's concurrency.
 */
import { Worker } from 'node:worker_threads';
import type { AnyEventEnvelope } from '../../src-shared/contract/events.js';
import type { Message } from '../../src-shared/messages.js';
import { toMessage } from '../../src-main/services/messages/message-rows.js';
import type { BenchContext } from '../context.js';
import type { History } from '../generate.js';
import { fmtRate, stats } from '../measure.js';
import { ms, rateRatio, type Row } from '../report.js';

const RECEIVER = `
const http = require('node:http');
const { parentPort } = require('node:worker_threads');
let arrivals = [];
const server = http.createServer((req, res) => {
  const at = performance.timeOrigin + performance.now();
  const id = req.headers['webhook-id'] || '';
  req.resume();
  req.on('end', () => {
    arrivals.push([id, at]);
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '0' });
    res.end();
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (message) => {
  if (message === 'take') { parentPort.postMessage({ arrivals }); arrivals = []; }
  if (message === 'close') {
    server.closeAllConnections();
    server.close();
    process.exit(0);
  }
});
`;

class Receiver {
  private constructor(
    private readonly worker: Worker,
    readonly port: number,
  ) {}

  static start(): Promise<Receiver> {
    const worker = new Worker(RECEIVER, { eval: true });
    return new Promise((resolve, reject) => {
      worker.once('message', (message: { port: number }) => resolve(new Receiver(worker, message.port)));
      worker.once('error', reject);
    });
  }

  /** Arrivals since the last call: [event id, unix ms]. */
  take(): Promise<[string, number][]> {
    return new Promise((resolve) => {
      this.worker.once('message', (message: { arrivals: [string, number][] }) => resolve(message.arrivals));
      this.worker.postMessage('take');
    });
  }

  close(): Promise<void> {
    this.worker.postMessage('close');
    return new Promise((resolve) => this.worker.once('exit', () => resolve()));
  }
}

const now = () => performance.timeOrigin + performance.now();
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

export interface WebhookSetup {
  receiver: Receiver;
  webhookId: string;
}

/** Created before case 2 so live ingest writes outbox rows, as it does for a shop with a CRM. */
export async function startWebhook(ctx: BenchContext): Promise<WebhookSetup> {
  const receiver = await Receiver.start();
  const { webhook } = ctx.core.services.webhooks.create({
    name: 'bench receiver',
    url: `http://127.0.0.1:${receiver.port}/hook`,
  });
  return { receiver, webhookId: webhook.id };
}

/**
 * Whether any delivery is still pending. An existence check (one index seek), not a count: the
 * drain is polled every 5 ms on the core's own thread, and counting up to 10,000 pending rows
 * each time took a share of the thread the drain itself needs.
 */
function anyPending(ctx: BenchContext): boolean {
  return (
    (
      ctx.core.db.$client
        .prepare(`SELECT EXISTS (SELECT 1 FROM webhook_deliveries WHERE status = 'pending') AS any`)
        .get() as { any: number }
    ).any === 1
  );
}

export async function waitForDrain(ctx: BenchContext, limitMs: number): Promise<number> {
  const started = now();
  while (anyPending(ctx)) {
    if (now() - started > limitMs) throw new Error(`webhook deliveries still pending after ${limitMs} ms`);
    await sleep(5);
  }
  return now();
}

/** The `i`-th message event of cases 7 and its profiler: 500 chats in turn (the order keys). */
export function benchMessage(history: History, sessionId: string, i: number): Message {
  const { record } = history.message(i * 7);
  return toMessage(sessionId, {
    ...record,
    chatJid: history.chatJid((i % 500) * 3),
    rowId: i,
    sessionId,
    editedAt: null,
    revokedAt: null,
    starredAt: null,
    sentBy: null,
  });
}

export async function webhookCase(ctx: BenchContext, setup: WebhookSetup): Promise<Row[]> {
  const { core, history } = ctx;
  const events = core.services.events;
  const count = ctx.quick ? 2000 : 10_000;
  // What case 2 left queued goes out first.
  await waitForDrain(ctx, 120_000);
  await setup.receiver.take();
  const sessionId = ctx.sessionIds[0] as string;
  const messageFor = (i: number) => benchMessage(history, sessionId, i);
  const messages = Array.from({ length: count }, (_, i) => messageFor(i));

  // Drain.
  const recorded: AnyEventEnvelope[] = [];
  const drainStarted = now();
  events.transaction(() => {
    for (const message of messages) recorded.push(events.record('message.received', sessionId, message));
  });
  const committed = now();
  const drained = await waitForDrain(ctx, 300_000);
  const drainArrivals = await setup.receiver.take();
  const drainRate = (count / (drained - committed)) * 1000;

  // Steady latency: 200 events/s, one transaction each.
  const steady = ctx.quick ? 300 : 1000;
  const recordedAt = new Map<string, number>();
  for (let i = 0; i < steady; i += 1) {
    const at = now();
    const event = events.record('message.received', sessionId, messages[i % messages.length]!);
    recordedAt.set(event.id, at);
    await sleep(5);
  }
  await waitForDrain(ctx, 60_000);
  const steadyArrivals = await setup.receiver.take();
  const latencies = steadyArrivals
    .filter(([id]) => recordedAt.has(id))
    .map(([id, at]) => at - (recordedAt.get(id) as number));
  const latency = stats(latencies);

  // Raw: the same bodies POSTed by plain fetch, 8 at a time.
  const bodies = recorded.map((event) => JSON.stringify(event));
  const url = `http://127.0.0.1:${setup.receiver.port}/raw`;
  let next = 0;
  const rawStarted = now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++] as string;
        const response = await fetch(url, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
        });
        await response.arrayBuffer();
      }
    }),
  );
  const rawRate = (bodies.length / (now() - rawStarted)) * 1000;
  return [
    {
      case: '7 webhook outbox',
      what: `drain ${count.toLocaleString('en')} queued`,
      median: fmtRate(drainRate, 'dlv'),
      p95: '',
      raw: `${fmtRate(rawRate, 'POST')} (fetch, 8 at once)`,
      ratio: rateRatio(drainRate, rawRate),
      target: '≥ 1,000/s',
      met: drainRate >= 1000,
      note: `recording the ${count} events took ${ms(committed - drainStarted)}; ${drainArrivals.length} arrivals; ${count} deliveries stored as succeeded after ${ms(drained - committed)}`,
    },
    {
      case: '7 webhook outbox',
      what: 'event → delivery at 200/s',
      median: ms(latency.median),
      p95: ms(latency.p95),
      p99: ms(latency.p99),
      raw: '–',
      ratio: '–',
      target: 'p50 < 20 ms',
      met: latency.median < 20,
      note: `${latencies.length} of ${steady} events measured`,
    },
  ];
}

export async function stopWebhook(setup: WebhookSetup): Promise<void> {
  await setup.receiver.close();
}
