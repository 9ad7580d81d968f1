/**
 * CPU work over thousands of items (a campaign's 5,000 recipients parsed, normalised and looked
 * up) without holding the event loop, which in Electron also serves the window's IPC (issue
 * #23, target 5: no block over 50 ms). Items are mapped for up to a time budget, then the loop
 * is yielded (`setImmediate`, so I/O and timers run) before the next stretch.
 *
 * The stretch is bounded by time, not by a count, so it adapts to a slow PC and to costly items;
 * the clock is read every few items only (reading it costs more than a cheap item).
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';

/** Each synchronous stretch should take about this long at most. */
export const YIELD_BUDGET_MS = 10;
const CLOCK_EVERY = 16;

export interface YieldOptions {
  budgetMs?: number;
  now?: () => number;
  /** Between stretches (tests count them). */
  pause?: () => Promise<unknown>;
}

/** `items.map(map)`, yielding the event loop whenever a stretch has used up the budget. */
export async function mapYielding<T, R>(
  items: readonly T[],
  map: (item: T, index: number) => R,
  options: YieldOptions = {},
): Promise<R[]> {
  const budgetMs = options.budgetMs ?? YIELD_BUDGET_MS;
  const now = options.now ?? (() => performance.now());
  const pause = options.pause ?? (() => yieldToLoop());
  const out: R[] = new Array<R>(items.length);
  let stretchStarted = now();
  for (let index = 0; index < items.length; index += 1) {
    out[index] = map(items[index] as T, index);
    if ((index + 1) % CLOCK_EVERY === 0 && index + 1 < items.length && now() - stretchStarted >= budgetMs) {
      await pause();
      stretchStarted = now();
    }
  }
  return out;
}

/**
 * Runs `run` over `items` in chunks of `size` (each chunk synchronous, e.g. one transaction),
 * yielding the loop whenever the chunks since the last pause have used up the budget.
 */
export async function chunksYielding<T>(
  items: readonly T[],
  size: number,
  run: (chunk: readonly T[], offset: number) => void,
  options: YieldOptions = {},
): Promise<void> {
  const budgetMs = options.budgetMs ?? YIELD_BUDGET_MS;
  const now = options.now ?? (() => performance.now());
  const pause = options.pause ?? (() => yieldToLoop());
  let stretchStarted = now();
  for (let offset = 0; offset < items.length; offset += size) {
    run(items.slice(offset, offset + size), offset);
    if (offset + size < items.length && now() - stretchStarted >= budgetMs) {
      await pause();
      stretchStarted = now();
    }
  }
}
