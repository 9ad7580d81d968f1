/**
 * Case 6: REST throughput of the chat list on loopback. The load comes from a worker thread
 * (its own event loop, so on 2 cores client and server do not share one), with `clients`
 * concurrent keep-alive HTTP loops for a fixed time. Raw: the same SQL in-process for the
 * same time.
 */
import http from 'node:http';
import { Worker } from 'node:worker_threads';
import type { BenchContext } from '../context.js';
import { fmtRate, stats } from '../measure.js';
import { ms, rateRatio, type Row } from '../report.js';
import { blockRange, fmtInterval } from '../spread.js';
import { threadCpuMs } from '../thread-time.js';

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** Closes the kept-alive connections (before a server is stopped). */
export function closeConnections(): void {
  keepAlive.destroy();
}

/** GET with the API key over a kept-alive connection (cheaper for the client than fetch). */
export function restGet(baseUrl: string, apiKey: string, pathname: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      baseUrl + pathname,
      { agent: keepAlive, headers: { authorization: `Bearer ${apiKey}` } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (response.statusCode !== 200)
            reject(new Error(`GET ${pathname}: HTTP ${response.statusCode} ${text}`));
          else resolve(JSON.parse(text) as unknown);
        });
      },
    );
    request.on('error', reject);
  });
}

// Plain JS: worker threads evaluate this as a script. Each client is one kept-alive TCP
// connection sending one GET at a time and reading its answer by its Content-Length, with no HTTP
// library. Under --noise the client shares the one free core with the server while raw's loop
// has it to itself, so the client's own CPU lowers the ratio: with node:http's client (its parser,
// an IncomingMessage stream per answer, a 'data' event per chunk) case 6 read 0.43–0.47× under
// noise where the server's CPU alone said 0.53–0.56×; with this one 0.54–0.55× (0.57–0.58× in
// CPU; docs/PERFORMANCE.md, session 23). fetch costs several times more still.
const LOAD_CLIENT = `
const net = require('node:net');
const { parentPort, workerData } = require('node:worker_threads');
const { urls, key, clients, durationMs } = workerData;
const HEADER_END = Buffer.from('\\r\\n\\r\\n');
const latencies = [];
let done = 0;
let errors = 0;

/** One kept-alive connection: get(path) resolves true for a whole 200 answer, false otherwise. */
function connection(host, port) {
  let socket = null;
  let pending = null;
  let head = [];
  let headBytes = 0;
  let bodyLeft = -1;
  let status = 0;
  const finish = (ok) => {
    const resolve = pending;
    pending = null;
    head = [];
    headBytes = 0;
    bodyLeft = -1;
    if (resolve) resolve(ok);
  };
  const open = () => {
    socket = net.connect(port, host);
    socket.setNoDelay(true);
    socket.on('data', (chunk) => {
      if (!pending) return;
      if (bodyLeft < 0) {
        head.push(chunk);
        headBytes += chunk.length;
        const joined = head.length === 1 ? chunk : Buffer.concat(head, headBytes);
        const end = joined.indexOf(HEADER_END);
        if (end < 0) return;
        const text = joined.toString('latin1', 0, end);
        status = Number(text.slice(9, 12));
        const length = /\\r\\ncontent-length: *(\\d+)/i.exec(text);
        if (!length) { socket.destroy(); return; }
        bodyLeft = Number(length[1]) - (joined.length - end - 4);
      } else {
        bodyLeft -= chunk.length;
      }
      if (bodyLeft <= 0) finish(status === 200 && bodyLeft === 0);
    });
    socket.on('error', () => {});
    socket.on('close', () => { socket = null; finish(false); });
  };
  const get = (path) => new Promise((resolve) => {
    if (!socket) open();
    pending = resolve;
    socket.write('GET ' + path + ' HTTP/1.1\\r\\nHost: ' + host + ':' + port +
      '\\r\\nAuthorization: Bearer ' + key + '\\r\\nConnection: keep-alive\\r\\n\\r\\n');
  });
  return { get, close: () => socket?.destroy() };
}

async function loop(offset) {
  const first = new URL(urls[0]);
  const { get, close } = connection(first.hostname, Number(first.port));
  const paths = urls.map((url) => { const parsed = new URL(url); return parsed.pathname + parsed.search; });
  const end = performance.now() + durationMs;
  let i = offset;
  while (performance.now() < end) {
    const started = performance.now();
    if (await get(paths[i++ % paths.length])) done++; else errors++;
    latencies.push(performance.now() - started);
  }
  close();
}
const started = performance.now();
Promise.all(Array.from({ length: clients }, (_, c) => loop(c))).then(() => {
  parentPort.postMessage({ done, errors, elapsedMs: performance.now() - started, latencies });
});
`;

export function loadTest(urls: string[], key: string, clients: number, durationMs: number) {
  return new Promise<{ done: number; errors: number; elapsedMs: number; latencies: number[] }>(
    (resolve, reject) => {
      const worker = new Worker(LOAD_CLIENT, { eval: true, workerData: { urls, key, clients, durationMs } });
      worker.once('message', (result) => {
        void worker.terminate();
        resolve(result as { done: number; errors: number; elapsedMs: number; latencies: number[] });
      });
      worker.once('error', reject);
    },
  );
}

/** Blocks per side: app and raw take turns (app, raw, app, raw, …) so a busy spell hits both. */
const BLOCKS = 4;

function us(milliseconds: number): string {
  return `${Math.round(milliseconds * 1000)} µs`;
}

export async function restThroughputCase(ctx: BenchContext, apiUrl: string, apiKey: string): Promise<Row[]> {
  const durationMs = ctx.quick ? 2000 : 6000;
  const blockMs = durationMs / BLOCKS;
  const clients = 8;
  const urls = ctx.sessionIds.map((id) => `${apiUrl}/api/v1/sessions/${id}/chats?limit=50`);
  await loadTest(urls, apiKey, clients, 500); // warm up
  const app = { done: 0, errors: 0, ms: 0, cpuMs: 0, latencies: [] as number[] };
  const raw = { done: 0, ms: 0, cpuMs: 0 };
  const blockRatios: number[] = [];
  for (let block = 0; block < BLOCKS; block += 1) {
    const appCpu = threadCpuMs();
    const result = await loadTest(urls, apiKey, clients, blockMs);
    app.cpuMs += threadCpuMs() - appCpu;
    app.done += result.done;
    app.errors += result.errors;
    app.ms += result.elapsedMs;
    app.latencies.push(...result.latencies);
    // Raw: the same SQL as fast as one thread can run it, for as long.
    let rawDone = 0;
    const rawCpu = threadCpuMs();
    const started = performance.now();
    const end = started + blockMs;
    while (performance.now() < end) {
      ctx.raw.chatList.all(ctx.sessionIds[rawDone % ctx.sessionIds.length] as string, 50);
      rawDone += 1;
    }
    const rawMs = performance.now() - started;
    raw.cpuMs += threadCpuMs() - rawCpu;
    raw.done += rawDone;
    raw.ms += rawMs;
    blockRatios.push(result.done / result.elapsedMs / (rawDone / rawMs));
  }
  const appRate = (app.done / app.ms) * 1000;
  const rawRate = (raw.done / raw.ms) * 1000;
  const latency = stats(app.latencies);
  const ratio = appRate / rawRate;
  // The same comparison in CPU: raw's CPU per query over the server's CPU per request.
  const appCpuPer = app.cpuMs / Math.max(1, app.done);
  const rawCpuPer = raw.cpuMs / Math.max(1, raw.done);
  return [
    {
      case: '6 REST throughput, chat list',
      what: `${clients} concurrent clients, ${BLOCKS} × ${blockMs / 1000} s in turns with raw`,
      median: fmtRate(appRate, 'req'),
      p95: `${ms(latency.p95)} latency`,
      raw: `${fmtRate(rawRate, 'query')} (SQL only)`,
      ratio: rateRatio(appRate, rawRate),
      spread: `${fmtInterval(blockRange(blockRatios))} over blocks`,
      target: '≥ 0.4× raw',
      met: ratio >= 0.4,
      note:
        `median latency ${ms(latency.median)}, ${app.errors} errors; server CPU ${us(appCpuPer)} per request, ` +
        `raw ${us(rawCpuPer)} per query (${(rawCpuPer / appCpuPer).toFixed(2)}× in CPU); ` +
        'the gap to raw is HTTP, auth, validation and JSON of 50 chats',
    },
  ];
}
