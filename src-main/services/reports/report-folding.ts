/**
 * Folds the chats marked since the last fold in the background, a slice at a time, so a report
 * finds little left to fold: after a history sync or the migration's backfill (every chat) the
 * work is spread over ticks instead of landing on the first report. A report settles whatever
 * is still marked before it reads (ReportService.overview), so this only moves work earlier.
 */
import type { Logger } from '../../core/logger.js';
import type { ConversationTable } from './conversation-table.js';

/** Chats folded per tick: ~50–150 ms of one transaction on this kind of machine at the backfill. */
const CHATS_PER_TICK = 500;
/** Days of conversation and tagged sums rebuilt per tick once no chat waits (each ~300 conversations here). */
const DAYS_PER_TICK = 30;
const TICK_MS = 2_000;
/** How often a long backlog (a migration's backfill, a large history sync) says how far it is. */
const PROGRESS_EVERY_MS = 30_000;

export class ReportFolding {
  private timer: NodeJS.Timeout | null = null;
  private lastProgress = 0;

  constructor(
    private readonly table: ConversationTable,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One slice (also called by tests); how many chats it folded, or else how many days it rebuilt. */
  tick(): number {
    try {
      const folded = this.table.settle(CHATS_PER_TICK);
      // The days the folds marked come after the chats: a day is rebuilt once its chats are folded.
      if (folded < CHATS_PER_TICK) return folded + this.table.days.rebuild(DAYS_PER_TICK);
      // The Reports page shows the same count (`preparing.chatsLeft`) while it is large.
      if (folded === CHATS_PER_TICK && Date.now() - this.lastProgress >= PROGRESS_EVERY_MS) {
        this.lastProgress = Date.now();
        this.logger.info(
          { chatsLeft: this.table.backlog() },
          'reports: folding conversations and message counts',
        );
      }
      return folded;
    } catch (error) {
      this.logger.error({ err: error }, 'folding report conversations failed');
      return 0;
    }
  }
}
