/**
 * Case 13 (issue #23 target 6): twenty numbers in one app. The built headless server is linked
 * by QR to 20 numbers on the local WhatsApp server (real Baileys on both ends), each number's
 * phone holding a history that arrives by history sync; customers then write to every number at
 * once. Measured: the messages received per second across the numbers, the server's memory with
 * all 20 connected, and after a restart the time to `/health` and until all 20 are connected
 * again. The targets are absolute (the issue's), so the machine's load is printed beside them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Customer } from '../../testkit/wa-emulator/customer.js';
import { textConversation } from '../../testkit/wa-emulator/history-seeds.js';
import type { Emulator } from '../../testkit/wa-emulator/index.js';
import { startWaServer } from '../../testkit/support/wa-server.js';
import type { BenchContext } from '../context.js';
import { loadAverage } from '../noise.js';
import { ms, type Row } from '../report.js';
import { serverEntry, startBuiltServer, type BuiltServer } from './built-server.js';

const NUMBERS = 20;
const CUSTOMERS = 5;
const HISTORY_CHATS = 25;
const HISTORY_PER_CHAT = 20;
const LIVE_PER_PAIR = 10;
const API_KEY = 'bench-numbers-key-0123456789';

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
const numberPhone = (n: number) => `97250300${String(n).padStart(4, '0')}`;
const customerPhone = (n: number) => `97254400${String(n).padStart(4, '0')}`;
const sessionId = (n: number) => `number-${n + 1}`;

/** The built server with this case's key and data dir. */
function startServer(entry: string, env: Record<string, string>): Promise<BuiltServer> {
  return startBuiltServer({ entry, apiKey: API_KEY, env });
}

async function until(what: string, check: () => Promise<boolean>, limitMs: number, everyMs = 100) {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`case 13: gave up waiting for ${what} after ${limitMs} ms`);
    await sleep(everyMs);
  }
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** Each number's phone holds chats with every customer and with others, sent over at linking. */
function seedHistories(emulator: Emulator): void {
  const now = Math.floor(Date.now() / 1000);
  for (let n = 0; n < NUMBERS; n += 1) {
    const conversations = [...Array(HISTORY_CHATS).keys()].map((c) =>
      textConversation(
        `97255500${String(c).padStart(4, '0')}@s.whatsapp.net`,
        [...Array(HISTORY_PER_CHAT).keys()].map((m) => ({
          id: `HIST${n}C${c}M${m}`,
          text: `history ${m} of chat ${c} with number ${n + 1}`,
          fromMe: m % 3 === 0,
          timestamp: now - 86_400 + c * 60 + m,
        })),
      ),
    );
    emulator.seedHistory(numberPhone(n), { conversations });
  }
}

async function link(server: BuiltServer, emulator: Emulator, n: number): Promise<void> {
  const id = sessionId(n);
  await server.api('/api/v1/sessions', { method: 'POST', json: { id, name: `Number ${n + 1}` } });
  await server.api(`/api/v1/sessions/${id}/connect`, { method: 'POST' });
  let qr = '';
  await until(
    `the QR of ${id}`,
    async () => {
      const response = await server.api(`/api/v1/sessions/${id}/qr`);
      if (response.ok) qr = ((await response.json()) as { qr: string }).qr;
      return Boolean(qr);
    },
    120_000,
  );
  await emulator.scanQr(qr, numberPhone(n), `Shop ${n + 1}`);
  await until(`${id} to connect`, () => connected(server, id), 120_000);
}

async function connected(server: BuiltServer, id: string): Promise<boolean> {
  const response = await server.api(`/api/v1/sessions/${id}`).catch(() => null);
  return response?.ok === true && ((await response.json()) as { status: string }).status === 'connected';
}

async function allConnected(server: BuiltServer): Promise<boolean> {
  const response = await server.api('/api/v1/sessions').catch(() => null);
  if (!response?.ok) return false;
  const body = (await response.json()) as { items?: { status: string }[] } | { status: string }[];
  const items = Array.isArray(body) ? body : (body.items ?? []);
  return items.length === NUMBERS && items.every((session) => session.status === 'connected');
}

/** Live messages (`live …`) the number has received, from its latest received messages. */
async function liveReceived(server: BuiltServer, n: number): Promise<number> {
  const response = await server.api(`/api/v1/sessions/${sessionId(n)}/messages?direction=received&limit=200`);
  if (!response.ok) return 0;
  const { items } = (await response.json()) as { items: { text?: string | null }[] };
  return items.filter((message) => message.text?.startsWith('live ')).length;
}

async function chatCount(server: BuiltServer, n: number): Promise<number> {
  const response = await server.api(`/api/v1/sessions/${sessionId(n)}/chats?limit=100`);
  if (!response.ok) return 0;
  return ((await response.json()) as { items: unknown[] }).items.length;
}

export async function manyNumbersCase(ctx: Pick<BenchContext, 'workDir' | 'log'>): Promise<Row[]> {
  const entry = serverEntry(ctx.workDir, ctx.log);
  const { emulator, env: waEnv } = await startWaServer();
  const env = { ...waEnv, CHATDOCK_DATA_DIR: path.join(ctx.workDir, 'numbers-data') };
  const customers: Customer[] = [];
  let server: BuiltServer | null = null;
  try {
    seedHistories(emulator);
    server = await startServer(entry, env);
    const linkStarted = performance.now();
    for (let n = 0; n < NUMBERS; n += 1) await link(server, emulator, n);
    const linkMs = performance.now() - linkStarted;
    ctx.log(`  linked ${NUMBERS} numbers in ${ms(linkMs)}; waiting for their histories`);
    const first = server;
    await until(
      'every history',
      async () =>
        (await Promise.all([...Array(NUMBERS).keys()].map((n) => chatCount(first, n)))).every(
          (count) => count >= HISTORY_CHATS,
        ),
      300_000,
      500,
    );

    for (let c = 0; c < CUSTOMERS; c += 1)
      customers.push(
        await Customer.create(emulator, {
          phone: customerPhone(c),
          name: `Customer ${c + 1}`,
          timeoutMs: 120_000,
        }),
      );
    const expected = CUSTOMERS * LIVE_PER_PAIR;
    const sendStarted = performance.now();
    await Promise.all(
      customers.map(async (customer, c) => {
        for (let m = 0; m < LIVE_PER_PAIR; m += 1)
          for (let n = 0; n < NUMBERS; n += 1)
            await customer.sendText(`${numberPhone(n)}@s.whatsapp.net`, `live ${m} from ${c} to ${n}`);
      }),
    );
    await until(
      'every live message',
      async () =>
        (await Promise.all([...Array(NUMBERS).keys()].map((n) => liveReceived(first, n)))).every(
          (count) => count >= expected,
        ),
      300_000,
      200,
    );
    const trafficMs = performance.now() - sendStarted;
    const total = expected * NUMBERS;
    const rss = await rssMb(first.child.pid as number);

    await first.stop();
    const restarted = await startServer(entry, env);
    server = restarted;
    const readyMs = restarted.readyMs;
    const reconnectStarted = performance.now();
    await until('all 20 to reconnect', () => allConnected(restarted), 120_000, 50);
    const connectedMs = readyMs + (performance.now() - reconnectStarted);
    const load = loadAverage();
    return [
      {
        case: '13 twenty numbers',
        what: 'restart: spawn → /health 200',
        median: ms(readyMs),
        p95: '',
        raw: '–',
        ratio: '–',
        target: '≤ 2 s',
        met: readyMs <= 2000,
        note: `${NUMBERS} linked numbers, ${NUMBERS * HISTORY_CHATS * HISTORY_PER_CHAT} history messages; ${load}`,
      },
      {
        case: '13 twenty numbers',
        what: 'restart: spawn → all 20 connected',
        median: ms(connectedMs),
        p95: '',
        raw: '–',
        ratio: '–',
        target: '≤ 15 s',
        met: connectedMs <= 15_000,
      },
      {
        case: '13 twenty numbers',
        what: 'RSS, all 20 connected, after traffic',
        median: `${rss.toFixed(0)} MB`,
        p95: '',
        raw: '–',
        ratio: '–',
        target: '≤ 400 MB',
        met: rss <= 400,
      },
      {
        case: '13 twenty numbers',
        what: `received across numbers (${total} live messages)`,
        median: `${((total / trafficMs) * 1000).toFixed(0)} msg/s`,
        p95: '',
        raw: '–',
        ratio: '–',
        target: '',
        met: null,
        note: `${CUSTOMERS} customers × ${NUMBERS} numbers × ${LIVE_PER_PAIR}, first send → last stored in ${ms(trafficMs)}; linking all 20 by QR took ${ms(linkMs)}`,
      },
    ];
  } finally {
    await Promise.all(customers.map((customer) => customer.close()));
    if (server) await server.stop();
    await emulator.close();
  }
}
