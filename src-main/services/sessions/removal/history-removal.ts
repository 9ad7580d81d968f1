import type { Statement } from 'better-sqlite3';
import type { Logger } from '../../../core/logger.js';
import type { Db } from '../../../db/connection.js';
import type { PendingPurge, PendingPurges } from './pending-purges.js';
import type { UnusedMedia } from './unused-media.js';

/** Messages deleted per transaction: ~20 ms each (most of it the FTS delete trigger). */
const DEFAULT_BATCH_SIZE = 2_000;

/** What one batch did (for the log, and for tests that act between batches). */
interface BatchDone {
  sessionId: string;
  deleted: number;
  /** True when this batch removed the last row and finished the purge. */
  finished: boolean;
}

interface Progress {
  startedAt: number;
  deleted: number;
  batches: number;
  longestBatchMs: number;
}

/** Lets timers and I/O that are due run before the next batch (FIFO with other 0 ms timers). */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Removes the messages of deleted sessions in the background (services/pending-purges.ts lists
 * them), a batch per transaction with a turn of the event loop in between: better-sqlite3 is
 * synchronous, and one DELETE of a million messages would stop the API, the UI and WhatsApp for
 * ~10 s. Started and stopped with the core; what is left at a stop continues at the next start.
 */
export class HistoryRemoval {
  private readonly deleteBatch: Statement<[string, number, number], { sha256: string | null }>;
  private readonly progress = new Map<string, Progress>();
  private readonly batchListeners: ((batch: BatchDone) => void)[] = [];
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly purges: PendingPurges,
    private readonly media: UnusedMedia,
    private readonly logger: Logger,
    private readonly batchSize = DEFAULT_BATCH_SIZE,
  ) {
    // The inner select walks the session's entries of messages_identity_idx (covering); rows of
    // a session created again with the id lie above the bound and stay. RETURNING hands back the
    // media the deleted rows used, in the same statement.
    this.deleteBatch = this.db.$client.prepare(
      `DELETE FROM messages WHERE row_id IN (
         SELECT row_id FROM messages WHERE session_id = ? AND row_id <= ? LIMIT ?)
       RETURNING json_extract(media, '$.sha256') AS sha256`,
    );
  }

  /** Continues the purges a previous run left unfinished. */
  start(): void {
    this.stopped = false;
    const pending = this.purges.list();
    if (pending.length > 0) {
      this.logger.info(
        { sessions: pending.map((purge) => purge.sessionId) },
        "resuming removal of deleted sessions' messages",
      );
    }
    this.wake();
  }

  /** Stops after the batch under way (each is one synchronous transaction, so none is cut short). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /** A purge was added: work on it (no-op while already working or stopped). */
  wake(): void {
    if (this.stopped || this.running) return;
    this.running = this.work()
      .catch((error: unknown) => {
        // Nothing is lost: the purge stays listed (and hidden) and is tried again at the next
        // delete or start.
        this.logger.error({ err: error }, "removing deleted sessions' messages failed");
      })
      .finally(() => {
        this.running = null;
      });
  }

  /** Resolves when nothing is being removed (or the removal stopped). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** True while deleted sessions' messages are still being removed. */
  busy(): boolean {
    return this.purges.list().length > 0;
  }

  /** Called after each committed batch. */
  onBatch(listener: (batch: BatchDone) => void): void {
    this.batchListeners.push(listener);
  }

  private async work(): Promise<void> {
    for (;;) {
      // First a turn of the event loop: the delete's answer goes out before the first batch.
      await yieldToEventLoop();
      if (this.stopped) return;
      // Read each time: a purge may have been added or raised (the id deleted again) meanwhile.
      const purge = this.purges.list()[0];
      if (!purge) return;
      const batch = this.runBatch(purge);
      for (const listener of this.batchListeners) listener(batch);
    }
  }

  private runBatch(purge: PendingPurge): BatchDone {
    const started = performance.now();
    let unused: string[] = [];
    const deleted = this.db.transaction(() => {
      const removed = this.deleteBatch.all(purge.sessionId, purge.throughRowId, this.batchSize);
      this.purges.addMedia(
        purge.sessionId,
        removed.flatMap((row) => (row.sha256 ? [row.sha256] : [])),
      );
      if (removed.length < this.batchSize) {
        unused = this.media.forgetUnreferenced(this.purges.media(purge.sessionId));
        this.purges.finish(purge.sessionId);
      }
      return removed.length;
    });
    const finished = deleted < this.batchSize;
    // Same tick as the commit: see UnusedMedia.removeFiles.
    if (unused.length > 0) this.media.removeFiles(unused);
    this.record(purge, deleted, performance.now() - started, finished, unused.length);
    return { sessionId: purge.sessionId, deleted, finished };
  }

  private record(purge: PendingPurge, deleted: number, ms: number, finished: boolean, files: number): void {
    let progress = this.progress.get(purge.sessionId);
    if (!progress) {
      progress = { startedAt: Date.now(), deleted: 0, batches: 0, longestBatchMs: 0 };
      this.progress.set(purge.sessionId, progress);
      this.logger.info(
        { session: purge.sessionId, deletedAt: purge.since, throughRowId: purge.throughRowId },
        "removing a deleted session's messages in the background",
      );
    }
    progress.deleted += deleted;
    progress.batches += 1;
    progress.longestBatchMs = Math.max(progress.longestBatchMs, ms);
    if (!finished) return;
    this.progress.delete(purge.sessionId);
    this.logger.info(
      {
        session: purge.sessionId,
        messages: progress.deleted,
        batches: progress.batches,
        ms: Date.now() - progress.startedAt,
        longestBatchMs: Math.round(progress.longestBatchMs),
        mediaFilesRemoved: files,
      },
      "removed a deleted session's messages",
    );
  }
}
