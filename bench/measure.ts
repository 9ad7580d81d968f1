/** Timing helpers: high-resolution samples, percentiles, and a yield to the event loop. */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { threadCpuMs, threadTimes } from './thread-time.js';

export { yieldToLoop };

export interface Stats {
  n: number;
  median: number;
  p95: number;
  p99: number;
  mean: number;
}

export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    n: sorted.length,
    median: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    mean: sum / (sorted.length || 1),
  };
}

/** Milliseconds taken by `work`. */
export function time(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/**
 * Milliseconds `work` took less the time this thread waited for a core meanwhile (thread-time.ts):
 * on an idle PC its wall time; on a busy one what it would have taken there. The kernel adds a
 * wait to the thread's total when the thread gets a core back, so the total read after `work`
 * holds every wait inside it. The reads themselves stay outside the timed stretch, so both sides
 * of a pair pay nothing for them.
 */
export function ownTime(work: () => unknown): number {
  const waitBefore = threadTimes().waitMs;
  const started = performance.now();
  work();
  const wall = performance.now() - started;
  return Math.max(0, wall - (threadTimes().waitMs - waitBefore));
}

export async function timeAsync(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Runs `work(i)` `iterations` times after `warmup` untimed runs and returns the timings (ms);
 * `i` counts on through the warm-up, so no input is used twice.
 * Yields to the event loop every so often so timers (the webhook worker) are not starved.
 */
export async function sample(
  iterations: number,
  work: (i: number) => unknown,
  warmup = 20,
): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) work(i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    samples.push(time(() => work(warmup + i)));
    if (i % 50 === 49) await yieldToLoop();
  }
  return samples;
}

/**
 * Times the raw baseline and the app's path in turns (raw, app, raw, app, …), so a pause of the
 * machine or the garbage collector lands on both series alike instead of on whichever ran then.
 * Each sample is the thread's own time (`ownTime`): a competing process taking the core in the
 * middle of one sample no longer lands on one series only (issue #23 target 1; a quiet run and
 * a `--noise` run of session 18 flipped two search rows on that alone).
 */
export async function samplePair(
  iterations: number,
  raw: (i: number) => unknown,
  app: (i: number) => unknown,
  warmup = 5,
  options: {
    /** Also the main thread's CPU time of each app sample (thread-time.ts), pushed here. */
    appCpu?: number[];
  } = {},
): Promise<{ raw: number[]; app: number[] }> {
  for (let i = 0; i < warmup; i += 1) {
    raw(i);
    app(i);
  }
  const samples = { raw: [] as number[], app: [] as number[] };
  const { appCpu } = options;
  for (let i = 0; i < iterations; i += 1) {
    samples.raw.push(ownTime(() => raw(warmup + i)));
    const cpuBefore = appCpu ? threadCpuMs() : 0;
    samples.app.push(ownTime(() => app(warmup + i)));
    appCpu?.push(threadCpuMs() - cpuBefore);
    if (i % 50 === 49) await yieldToLoop();
  }
  return samples;
}

export async function sampleAsync(
  iterations: number,
  work: (i: number) => Promise<unknown>,
  warmup = 10,
): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) samples.push(await timeAsync(() => work(warmup + i)));
  return samples;
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 0.1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function fmtRate(perSecond: number, unit: string): string {
  if (perSecond >= 10_000) return `${Math.round(perSecond / 1000)}k ${unit}/s`;
  return `${Math.round(perSecond)} ${unit}/s`;
}
