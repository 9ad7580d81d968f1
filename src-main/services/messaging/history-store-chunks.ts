/**
 * History sync stores tens of thousands of messages while the core keeps serving the window
 * (IPC), the API and live messages from the same event loop (issue #23, target 5). A slice is
 * stored in transactions sized to a time budget, with the event loop yielded between them: the
 * size adapts to this machine and this database (a chunk that took longer than the budget
 * halves the next, a quick one doubles it, within MIN..MAX rows), so no single synchronous
 * stretch holds the loop much past the budget, however slow the PC or large the history.
 *
 * Durability is unchanged: every chunk is its own committed transaction and storing a message
 * twice changes nothing, and the caller (wa/pending-history.ts) forgets the slice's notification
 * only after the whole slice is stored, so a crash between chunks stores the slice again later.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';

/** Each chunk should take about this long at most (the target is no block over 50 ms). */
export const CHUNK_BUDGET_MS = 20;
const MIN_ROWS = 25;
const MAX_ROWS = 500;
const FIRST_ROWS = 100;

export interface ChunkOptions {
  budgetMs?: number;
  now?: () => number;
  /** Between chunks (tests pass a no-op). */
  pause?: () => Promise<unknown>;
}

/** The next chunk's size after one of `rows` took `elapsedMs`. */
export function nextChunkSize(rows: number, elapsedMs: number, budgetMs: number): number {
  if (elapsedMs > budgetMs) return Math.max(MIN_ROWS, Math.floor(rows / 2));
  if (elapsedMs < budgetMs / 2) return Math.min(MAX_ROWS, rows * 2);
  return rows;
}

/** Calls `store` on successive chunks of `items`, yielding the event loop after each one. */
export async function storeInChunks<T>(
  items: readonly T[],
  store: (chunk: T[]) => void,
  options: ChunkOptions = {},
): Promise<void> {
  const budgetMs = options.budgetMs ?? CHUNK_BUDGET_MS;
  const now = options.now ?? (() => performance.now());
  const pause = options.pause ?? (() => yieldToLoop());
  let size = FIRST_ROWS;
  for (let start = 0; start < items.length;) {
    const chunk = items.slice(start, start + size);
    const started = now();
    store(chunk);
    size = nextChunkSize(chunk.length, now() - started, budgetMs);
    start += chunk.length;
    if (start < items.length) await pause();
  }
}
