/**
 * Folds the chats marked since the last fold in the background, a slice at a time, so a report
 * finds little left to fold: after a history sync or the migration's backfill (every chat) the
 * work is spread over ticks instead of landing on the first report. A report settles whatever
 * is still marked before it reads (ReportService.overview), so this only moves work earlier.
 *
 * Each tick is bounded in time (`TICK_BUDGET_MS`), not only in chats: a slice of 500 chats held
 * the event loop — and with it WhatsApp and the API — for up to 15 s after a migration at load
 * (docs/PERFORMANCE.md case 10, issue #23's target of ≤ 50 ms blocks). While work is left the
 * next tick follows 50 ms later (a backfill still runs several times faster than before).
 */
import { BackgroundLoop } from '../../core/background-loop.js';
import type { Logger } from '../../core/logger.js';
import type { ConversationTable } from './conversation-table.js';

/** Most chats folded per tick (a tick usually stops earlier, at its time budget). */
const CHATS_PER_TICK = 500;
/** Most days of conversation and tagged sums rebuilt per tick once no chat waits. */
const DAYS_PER_TICK = 30;
/**
 * How long one tick may hold the event loop (one chat or piece of a long chat, or one day, is
 * always done, however long). A tick has a background turn of the loop to itself
 * (core/background-turns.ts): a history chunk or a campaign's stretch never runs in the same turn.
 * 10 ms, not 20: a tick overruns its budget by its last chat or piece and the commit, and at 20 ms
 * its costliest ticks held the loop 50–66 ms during a history sync (docs/PERFORMANCE.md, session 19).
 */
export const TICK_BUDGET_MS = 10;
/** Between ticks while nothing is marked. */
const TICK_MS = 2_000;
/**
 * Between ticks while work is left: the event loop serves what waited (WhatsApp, the API, other
 * background batches such as a number's history removal), then the next slice — at most ~30 % of
 * the loop for a backfill (10 ms in every 35), where 500 chats every 2 s took seconds at a time.
 */
const BUSY_TICK_MS = 25;
/** How often a long backlog (a migration's backfill, a large history sync) says how far it is. */
const PROGRESS_EVERY_MS = 30_000;

export class ReportFolding {
  private lastProgress = 0;
  private readonly loop = new BackgroundLoop(() => (this.tick() > 0 ? BUSY_TICK_MS : TICK_MS));

  constructor(
    private readonly table: ConversationTable,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.loop.start(TICK_MS);
  }

  stop(): void {
    this.loop.stop();
  }

  /**
   * One slice of at most `budgetMs` (also called by tests and the bench); how many chats (or
   * pieces of a long one) it folded, or else how many days it rebuilt (0: nothing was left).
   */
  tick(budgetMs = TICK_BUDGET_MS): number {
    try {
      const deadline = performance.now() + budgetMs;
      const folded = this.table.settle(CHATS_PER_TICK, deadline);
      // The days the folds marked come after the chats: a day is rebuilt once its chats are folded.
      if (folded > 0 && this.table.backlogOver(0)) {
        // The Reports page shows the same count (`preparing.chatsLeft`) while it is large.
        if (Date.now() - this.lastProgress >= PROGRESS_EVERY_MS) {
          this.lastProgress = Date.now();
          this.logger.info(
            { chatsLeft: this.table.backlog() },
            'reports: folding conversations and message counts',
          );
        }
        return folded;
      }
      if (folded > 0 && performance.now() >= deadline) return folded;
      return folded + this.table.days.rebuild(DAYS_PER_TICK, deadline);
    } catch (error) {
      this.logger.error({ err: error }, 'folding report conversations failed');
      return 0;
    }
  }
}
