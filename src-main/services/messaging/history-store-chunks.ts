/**
 * History sync stores tens of thousands of messages while the core keeps serving the window
 * (IPC), the API and live messages from the same event loop (issue #23, target 5). A slice is
 * stored in transactions sized to a time budget, each one in its own background turn of the
 * event loop (core/background-turns.ts: never in the same turn as a fold tick or another job's
 * piece, and with the loop's timers and I/O served between any two of them): the
 * size adapts to this machine and this database (a chunk that took longer than the budget
 * halves the next, a quick one doubles it, within MIN..MAX rows), so no single synchronous
 * stretch holds the loop much past the budget, however slow the PC or large the history.
 *
 * Durability is unchanged: every chunk is its own committed transaction and storing a message
 * twice changes nothing, and the caller (wa/pending-history.ts) forgets the slice's notification
 * only after the whole slice is stored, so a crash between chunks stores the slice again later.
 */
import { backgroundTurn } from '../../core/background-turns.js';
import { fittedSize } from '../../core/yielding.js';

/**
 * Each chunk should take about this long (the target is no block over 50 ms). A chunk can take
 * twice its learned time (a quick one doubles the next), so 20 ms put the costliest chunks of a
 * sync at 35–55 ms; at 10 ms a 100k sync stores 10–30 % fewer messages a second (more commits) and
 * no chunk came near the target (docs/PERFORMANCE.md, session 19).
 */
export const CHUNK_BUDGET_MS = 10;
const MIN_ROWS = 25;
const MAX_ROWS = 500;
const FIRST_ROWS = 100;

export interface ChunkOptions {
  budgetMs?: number;
  now?: () => number;
  /** Before each chunk, its turn of the loop (tests pass their own). */
  turn?: () => Promise<unknown>;
  /** Where the size learned so far is kept (tests pass their own). */
  sizer?: ChunkSizer;
  /**
   * Before each chunk: resolves when the database has room for it (db/checkpointer.ts `room`: the
   * WAL copied back once it has grown large, so SQLite starts it over and no commit has to
   * checkpoint on the event loop).
   */
  room?: () => Promise<unknown>;
}

/**
 * The chunk size this machine and database allow, learned from the chunks stored so far and kept
 * from one slice to the next: a sync hands over dozens of slices, and starting each at 100 rows
 * again put a chunk far past the budget at the head of every slice on a slow or busy PC.
 */
export class ChunkSizer {
  size = FIRST_ROWS;

  /** After a chunk of `rows` took `elapsedMs`: the next size. */
  learn(rows: number, elapsedMs: number, budgetMs: number): number {
    this.size = nextChunkSize(rows, elapsedMs, budgetMs);
    return this.size;
  }
}

/** The next chunk's size after one of `rows` took `elapsedMs` (core/yielding.ts `fittedSize`). */
export function nextChunkSize(rows: number, elapsedMs: number, budgetMs: number): number {
  return fittedSize(rows, elapsedMs, budgetMs, MIN_ROWS, MAX_ROWS);
}

/** One process, one database: every history sync learns from the ones before it. */
const learned = new ChunkSizer();

/** Calls `store` on successive chunks of `items`, each in its own background turn of the loop. */
export async function storeInChunks<T>(
  items: readonly T[],
  store: (chunk: T[]) => void,
  options: ChunkOptions = {},
): Promise<void> {
  const budgetMs = options.budgetMs ?? CHUNK_BUDGET_MS;
  const now = options.now ?? (() => performance.now());
  const turn = options.turn ?? backgroundTurn;
  const sizer = options.sizer ?? learned;
  for (let start = 0; start < items.length;) {
    await options.room?.();
    await turn();
    const chunk = items.slice(start, start + sizer.size);
    const started = now();
    store(chunk);
    sizer.learn(chunk.length, now() - started, budgetMs);
    start += chunk.length;
  }
}
