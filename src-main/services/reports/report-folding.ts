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
const TICK_MS = 2_000;

export class ReportFolding {
  private timer: NodeJS.Timeout | null = null;

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

  /** One slice (also called by tests); how many chats it folded. */
  tick(): number {
    try {
      return this.table.settle(CHATS_PER_TICK);
    } catch (error) {
      this.logger.error({ err: error }, 'folding report conversations failed');
      return 0;
    }
  }
}
