/**
 * The search indexes' segment merges, in background turns of their own (issue #23 target 5: no
 * turn of the event loop over 50 ms while the core works).
 *
 * FTS5 writes each transaction's new terms as a small segment and, by default ("automerge"),
 * merges segments inside the commit that crosses a work threshold: 64 × (levels in the index)
 * pages at a time, 400–700 pages at 1M messages, 10–25 ms of the main thread's CPU landing on
 * whichever history chunk or live message happens to commit then (docs/PERFORMANCE.md, session
 * 19). Here automatic merging is off and the same incremental merge runs through FTS5's `merge`
 * command in pieces sized to a time budget, each in a background turn (core/background-turns.ts),
 * so a commit only ever writes its own rows.
 *
 * The setting lives in the index's own config table (every connection of the file sees it), so
 * it is handed back on stop, and on an error. FTS5's crisis merge stays on as the safety net for a
 * process killed while merging was off: a level that reaches 16 segments is merged at once by the
 * commit that fills it, as before, until the next start.
 */
import type Database from 'better-sqlite3';
import { BackgroundLoop } from '../core/background-loop.js';
import { fittedSize } from '../core/yielding.js';

/** The full-text indexes the app writes as it stores messages and chats. */
export const SEARCH_INDEXES = ['messages_fts', 'chat_names_fts'] as const;

/** How long one piece may hold the event loop. */
export const MERGE_BUDGET_MS = 6;
/** Pages of merged output a piece starts with, and its bounds as it adapts to the machine. */
const FIRST_PAGES = 64;
const MIN_PAGES = 16;
const MAX_PAGES = 500;
/**
 * Between pieces while merging is left; between looks while there was nothing to merge. A look
 * reads one row per index (its structure record) and merges only if a commit changed it, so it
 * can come often: a history sync adds a segment per chunk, dozens a second, and a look a second
 * late let levels fill up to FTS5's crisis merge (16 segments merged at once, inside a commit).
 */
const BUSY_MS = 20;
const IDLE_MS = 100;
/**
 * Between looks once ten in a row found no commit: an idle app's main thread is not woken ten
 * times a second for nothing. The first second of a sync may then see FTS5's crisis merge of 16
 * one-chunk segments, a few ms, before the looks come every 100 ms again.
 */
const QUIET_MS = 1_000;
const QUIET_AFTER_LOOKS = 10;
/** FTS5's own default: merge inside commits once a level holds this many segments. */
const DEFAULT_AUTOMERGE = 4;

export class SearchMerging {
  private readonly loop = new BackgroundLoop(() => this.piece());
  private pages = FIRST_PAGES;
  /** Time spent in ticks so far (ms): the bench adds it to the writes that caused it. */
  private spent = 0;
  private readonly changes: Database.Statement;
  /** Per index: its structure record, and its commands (`merge`, `automerge`: an integer bound as a BigInt). */
  private readonly statements = new Map<
    string,
    { structure: Database.Statement; command: Database.Statement }
  >();
  /** Each index's structure record when a look last found nothing to merge. */
  private readonly settled = new Map<string, Buffer>();
  /** Looks in a row that found no index changed by a commit. */
  private quietLooks = 0;

  constructor(
    sqlite: Database.Database,
    private readonly onError: (error: unknown) => void,
    private readonly indexes: readonly string[] = SEARCH_INDEXES,
  ) {
    this.changes = sqlite.prepare('SELECT total_changes()').pluck();
    for (const index of indexes)
      this.statements.set(index, {
        structure: sqlite.prepare(`SELECT block FROM ${index}_data WHERE id = 10`).pluck(),
        command: sqlite.prepare(`INSERT INTO ${index}(${index}, rank) VALUES (?, ?)`),
      });
  }

  /** Takes merging over from the commits, then merges in the background. */
  start(): void {
    if (this.loop.running) return;
    for (const index of this.indexes) this.command(index, 'automerge', 0);
    this.loop.start(0);
  }

  /** Hands merging back to the commits (FTS5's default) for whoever opens the file next. */
  stop(): void {
    if (!this.loop.stop()) return;
    try {
      for (const index of this.indexes) this.command(index, 'automerge', DEFAULT_AUTOMERGE);
    } catch (error) {
      this.onError(error);
    }
  }

  /**
   * One piece of at most about `budgetMs` (the bench and tests call it too): merges in each index
   * in turn until the budget is used. Answers whether any merging was done.
   */
  tick(budgetMs = MERGE_BUDGET_MS): boolean {
    const started = performance.now();
    try {
      return this.mergeFor(started + budgetMs, budgetMs);
    } finally {
      this.spent += performance.now() - started;
    }
  }

  /** How long the ticks have merged so far, in all (ms). */
  spentMs(): number {
    return this.spent;
  }

  private mergeFor(deadline: number, budgetMs: number): boolean {
    let merged = false;
    let changed = false;
    for (const index of this.indexes) {
      const structure = this.structure(index);
      if (structure && this.settled.get(index)?.equals(structure)) continue;
      changed = true;
      while (performance.now() < deadline) {
        const started = performance.now();
        if (!this.mergeStep(index)) {
          if (structure) this.settled.set(index, this.structure(index) ?? structure);
          break;
        }
        // Learned from steps that merged only: a look that found nothing is quick whatever the size.
        this.pages = fittedSize(this.pages, performance.now() - started, budgetMs, MIN_PAGES, MAX_PAGES);
        merged = true;
      }
    }
    this.quietLooks = changed ? 0 : this.quietLooks + 1;
    return merged;
  }

  /**
   * FTS5's `merge` command: up to about `pages` pages of merged output, only on a level holding
   * `usermerge` (4) segments or one already being merged, the rule automerge follows. FTS5 says
   * whether it did anything through the change count: 2 or more means work was done.
   */
  private mergeStep(index: string): boolean {
    const before = this.changes.get() as number;
    this.command(index, 'merge', this.pages);
    return (this.changes.get() as number) - before >= 2;
  }

  /**
   * FTS5's structure record (row 10 of the index's data table: its segments and levels), which
   * every commit that writes the index rewrites.
   */
  private structure(index: string): Buffer | undefined {
    return this.statements.get(index)!.structure.get() as Buffer | undefined;
  }

  /** An FTS5 command; its value must be an integer (a JS number binds as a float, which FTS5 refuses). */
  private command(index: string, name: 'merge' | 'automerge', value: number): void {
    this.statements.get(index)!.command.run(name, BigInt(Math.round(value)));
  }

  /** One background piece; the delay before the next. */
  private piece(): number | null {
    try {
      if (this.tick()) return BUSY_MS;
      return this.quietLooks >= QUIET_AFTER_LOOKS ? QUIET_MS : IDLE_MS;
    } catch (error) {
      // The commits merge again (stop), so the index never goes unmerged.
      this.onError(error);
      this.stop();
      return null;
    }
  }
}
