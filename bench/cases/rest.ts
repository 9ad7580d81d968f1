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

// Plain JS: worker threads evaluate this as a script. node:http with a keep-alive agent (fetch
// costs the client several times more CPU per request and would measure itself).
const LOAD_CLIENT = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { urls, key, clients, durationMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
const latencies = [];
let done = 0;
let errors = 0;
function get(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { agent, headers: { authorization: 'Bearer ' + key } }, (response) => {
      response.on('data', () => {});
      response.on('end', () => resolve(response.statusCode === 200));
    });
    request.on('error', () => resolve(false));
  });
}
async function loop(offset) {
  const end = performance.now() + durationMs;
  let i = offset;
  while (performance.now() < end) {
    const started = performance.now();
    if (await get(urls[i++ % urls.length])) done++; else errors++;
    latencies.push(performance.now() - started);
  }
}
const started = performance.now();
Promise.all(Array.from({ length: clients }, (_, c) => loop(c))).then(() => {
  agent.destroy();
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
