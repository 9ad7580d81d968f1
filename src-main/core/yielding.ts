/**
 * CPU work over thousands of items (a campaign's 5,000 recipients parsed, normalised and looked
 * up) without holding the event loop, which in Electron also serves the window's IPC (issue
 * #23, target 5: no block over 50 ms). Items are mapped for up to a time budget, then the loop
 * is yielded until the job's next background turn (core/background-turns.ts: I/O and timers run
 * first, and no other background piece shares that turn) before the next stretch.
 *
 * The stretch is bounded by time, not by a count, so it adapts to a slow PC and to costly items;
 * the clock is read every few items only (reading it costs more than a cheap item).
 */
import { backgroundTurn } from './background-turns.js';

/** Each synchronous stretch should take about this long at most. */
export const YIELD_BUDGET_MS = 10;
const CLOCK_EVERY = 16;

export interface YieldOptions {
  budgetMs?: number;
  now?: () => number;
  /** Between stretches (tests count them). */
  pause?: () => Promise<unknown>;
}

/**
 * One job's stretches (e.g. a campaign's whole preparation): the budget is shared by every phase
 * the job runs through this object, so phases that follow each other (parse, then look up, then
 * classify) cannot add their stretches up into one long block: each phase starts where the
 * previous one left the clock, and a pause comes as soon as the budget is used, whichever phase
 * it is in.
 */
export class Stretches {
  private readonly budgetMs: number;
  private readonly now: () => number;
  private readonly pause: () => Promise<unknown>;
  private started: number;

  constructor(options: YieldOptions = {}) {
    this.budgetMs = options.budgetMs ?? YIELD_BUDGET_MS;
    this.now = options.now ?? (() => performance.now());
    this.pause = options.pause ?? backgroundTurn;
    this.started = this.now();
  }

  /** Yields the loop if this stretch has used up the budget. */
  async checkpoint(): Promise<void> {
    if (this.now() - this.started >= this.budgetMs) {
      await this.pause();
      this.started = this.now();
    }
  }

  /** `items.map(map)`, with a checkpoint every few items (reading the clock costs more than a cheap item). */
  async map<T, R>(items: readonly T[], map: (item: T, index: number) => R): Promise<R[]> {
    const out: R[] = new Array<R>(items.length);
    for (let index = 0; index < items.length; index += 1) {
      out[index] = map(items[index] as T, index);
      if ((index + 1) % CLOCK_EVERY === 0) await this.checkpoint();
    }
    return out;
  }

  /** `for (const item of items) visit(item)`, with checkpoints like `map`. */
  async each<T>(items: readonly T[], visit: (item: T, index: number) => void): Promise<void> {
    await this.map(items, visit);
  }

  /** Runs `run` over `items` in chunks of `size` (each chunk synchronous, e.g. one transaction). */
  async chunks<T>(
    items: readonly T[],
    size: number,
    run: (chunk: readonly T[], offset: number) => void,
  ): Promise<void> {
    for (let offset = 0; offset < items.length; offset += size) {
      run(items.slice(offset, offset + size), offset);
      await this.checkpoint();
    }
  }
}

/**
 * The next size of a batch sized to a time budget (a history sync's chunk, a report fold's
 * piece), after one of `size` took `elapsedMs`: over the budget, as many as would have fitted (at
 * most half, so a lucky measure cannot keep it high); well under it, twice as many; within
 * `min`..`max`.
 */
export function fittedSize(
  size: number,
  elapsedMs: number,
  budgetMs: number,
  min: number,
  max: number,
): number {
  if (elapsedMs > budgetMs)
    return Math.max(min, Math.min(Math.floor(size / 2), Math.floor((size * budgetMs) / elapsedMs)));
  if (elapsedMs < budgetMs / 2) return Math.min(max, size * 2);
  return size;
}
