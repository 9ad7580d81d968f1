/**
 * The browser's renderer main threads' waits for a core, sampled while a UI step runs (issue #23
 * target 1: verdicts that hold on a busy PC). A long task's duration is wall time: with a second
 * process keeping a core busy, the renderer's main thread waits for the other core in the middle
 * of a task (it shares it with the page's own CPU throttler, the server and the GPU process), and
 * a task of 40 ms of work reads as 100 ms. Linux counts each thread's time runnable but waiting
 * (`/proc/<pid>/task/<tid>/schedstat`, second field), as `bench/thread-time.ts` reads it for the
 * server's own main thread: sampled here every 2 ms on the page's clock (epoch milliseconds), a
 * task's wait is read between its start and end. The throttler's own slowdown is the thread
 * sleeping, not waiting, so it stays in the task: only the machine's share is taken out.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';

const EVERY_MS = 2;

export interface Series {
  at: number[];
  runMs: number[];
  waitMs: number[];
}

/** The renderer processes' ids (each one's main thread has the process's id). */
export async function rendererPids(browser: Browser): Promise<number[]> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    return processInfo
      .filter((process) => process.type === 'renderer')
      .map((process) => process.id)
      .filter((pid) => existsSync(schedstat(pid)));
  } finally {
    await cdp.detach();
  }
}

function schedstat(pid: number): string {
  return `/proc/${pid}/task/${pid}/schedstat`;
}

export class RendererWaits {
  private readonly series = new Map<number, Series>();
  private timer: NodeJS.Timeout | null = null;

  constructor(pids: readonly number[]) {
    for (const pid of pids) this.series.set(pid, { at: [], runMs: [], waitMs: [] });
  }

  start(): void {
    const sample = () => {
      const at = performance.timeOrigin + performance.now();
      for (const [pid, series] of this.series) {
        try {
          const [run, wait] = readFileSync(schedstat(pid), 'utf8').split(' ');
          series.at.push(at);
          series.runMs.push(Number(run) / 1e6);
          series.waitMs.push(Number(wait) / 1e6);
        } catch {
          // The process has gone (its context closed): its series ends here.
        }
      }
    };
    sample();
    this.timer = setInterval(sample, EVERY_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The renderer whose main thread ran the most while sampled: the page being measured. */
  busiest(): number | null {
    let best: number | null = null;
    let most = -1;
    for (const [pid, { runMs }] of this.series) {
      const ran = (runMs.at(-1) ?? 0) - (runMs[0] ?? 0);
      if (runMs.length > 1 && ran > most) [best, most] = [pid, ran];
    }
    return best;
  }

  /** How long `pid`'s main thread waited for a core between two epoch times (ms, interpolated). */
  waitBetween(pid: number, from: number, to: number): number {
    const series = this.series.get(pid);
    if (!series || series.at.length < 2) return 0;
    return Math.max(0, valueAt(series, to) - valueAt(series, from));
  }
}

/** The wait counter at `time`, linear between the samples around it (exported for its test). */
export function valueAt({ at, waitMs }: Series, time: number): number {
  let low = 0;
  let high = at.length - 1;
  if (time <= at[0]!) return waitMs[0]!;
  if (time >= at[high]!) return waitMs[high]!;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (at[middle]! <= time) low = middle;
    else high = middle;
  }
  const span = at[high]! - at[low]!;
  const share = span > 0 ? (time - at[low]!) / span : 0;
  return waitMs[low]! + share * (waitMs[high]! - waitMs[low]!);
}
