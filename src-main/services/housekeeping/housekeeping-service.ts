import { randomUUID } from 'node:crypto';
import type { HousekeepingStatus, Retention } from '../../../src-shared/contract/housekeeping.js';
import { AppError } from '../../../src-shared/errors.js';
import type { Logger } from '../../core/logger.js';
import { autoVacuumMode } from '../../db/auto-vacuum.js';
import type { Db } from '../../db/connection.js';
import type { InternalSettings } from '../settings/internal-settings.js';
import type { UnusedMedia } from '../sessions/removal/unused-media.js';
import { incrementalVacuum } from './incremental-vacuum.js';
import { RetentionBatch, type Cutoffs } from './retention-batch.js';
import { RetentionRules } from './retention-rules.js';

const PASS_KEY = 'housekeeping.pass';
const LAST_KEY = 'housekeeping.last';
/** Media files the pass's changed rows used, one settings row per batch: `<prefix><uuid>`. */
const MEDIA_PREFIX = 'housekeeping:media:';
const DAY_MS = 24 * 3600_000;
const CHECK_EVERY_MS = 60_000;
/** Messages looked at per transaction (a range of the primary key; a few ms, ~20 ms when deleting). */
const DEFAULT_RETENTION_BATCH = 2_000;

interface Counts {
  scanned: number;
  mediaRemoved: number;
  messagesDeleted: number;
  filesDeleted: number;
  bytesFreed: number;
}

/** A pass under way, stored after every batch so a restart continues it. */
interface Pass extends Counts {
  startedAt: string;
  cutoffs: Cutoffs;
  afterRowId: number;
  /** The highest row id when it started: newer rows are new messages, left to the next pass. */
  throughRowId: number;
  total: number;
}

type LastRun = Counts & { startedAt: string; finishedAt: string };

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface HousekeepingDeps {
  db: Db;
  internal: InternalSettings;
  media: UnusedMedia;
  logger: Logger;
  now?: () => Date;
  batchSize?: number;
}

/**
 * Retention and shrinking the database. A pass applies the rules (services/housekeeping/
 * retention-rules.ts) to every message, a batch per transaction with a turn of the event loop
 * in between, like the removal of a deleted session's messages; its position and counts are
 * stored after each batch, so a stop or a crash continues where it was, with the cut-offs it
 * started with. When it ends, the media files nothing uses any more are deleted and the freed
 * database pages are given back to the disk (incremental vacuum). Passes run daily while a rule
 * is set, or when asked.
 */
export class HousekeepingService {
  readonly rules: RetentionRules;
  private readonly batch: RetentionBatch;
  private readonly now: () => Date;
  private timer: NodeJS.Timeout | null = null;
  private working: Promise<void> | null = null;
  private stopped = true;
  private readonly batchListeners: ((pass: Readonly<Counts>) => void)[] = [];

  constructor(private readonly deps: HousekeepingDeps) {
    this.rules = new RetentionRules(deps.db, deps.internal);
    this.batch = new RetentionBatch(deps.db, deps.batchSize ?? DEFAULT_RETENTION_BATCH);
    this.now = deps.now ?? (() => new Date());
  }

  /** Continues a pass a previous run left unfinished, and checks the daily schedule every minute. */
  start(): void {
    this.stopped = false;
    if (this.pass()) {
      this.deps.logger.info('continuing the retention pass a previous run left unfinished');
      this.work();
    }
    this.timer = setInterval(() => this.runIfDue(), CHECK_EVERY_MS);
    this.timer.unref();
    this.runIfDue();
  }

  /** Stops after the batch under way; what is left continues at the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.working;
  }

  /** Resolves when no pass or vacuum is running. */
  async idle(): Promise<void> {
    while (this.working) await this.working;
  }

  status(): HousekeepingStatus {
    const retention = this.rules.get();
    const pass = this.pass();
    const last = this.last();
    const sqlite = this.deps.db.$client;
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
    const free = sqlite.pragma('freelist_count', { simple: true }) as number;
    return {
      retention,
      running: pass
        ? {
            startedAt: pass.startedAt,
            mediaBefore:
              pass.cutoffs.mediaBefore === null ? null : new Date(pass.cutoffs.mediaBefore).toISOString(),
            messagesBefore: Object.fromEntries(
              Object.entries(pass.cutoffs.messagesBefore).map(([s, at]) => [s, new Date(at).toISOString()]),
            ),
            total: pass.total,
            scanned: pass.scanned,
            mediaRemoved: pass.mediaRemoved,
            messagesDeleted: pass.messagesDeleted,
            filesDeleted: pass.filesDeleted,
            bytesFreed: pass.bytesFreed,
          }
        : null,
      lastRun: last,
      nextRunAt: this.nextRunAt(retention, last)?.toISOString() ?? null,
      vacuum: { mode: autoVacuumMode(sqlite), freeBytes: free * pageSize },
    };
  }

  configure(input: {
    mediaDays?: number | null | undefined;
    messageDays?: Record<string, number | null> | undefined;
  }): HousekeepingStatus {
    this.rules.change(input);
    // The first pass of a new rule is due at once (then daily).
    this.runIfDue();
    return this.status();
  }

  /** Starts a pass now (answers at once; `status().running` shows the progress). */
  run(): HousekeepingStatus {
    if (this.pass()) throw new AppError('CONFLICT', 'A retention pass is already running.');
    this.begin();
    return this.status();
  }

  /** Called after each committed batch of a pass (tests stop between batches). */
  onBatch(listener: (pass: Readonly<Counts>) => void): void {
    this.batchListeners.push(listener);
  }

  /** Gives free pages back to the disk (after a deleted session's messages are gone, for one). */
  vacuumSoon(): void {
    if (this.stopped || this.working) return;
    this.working = incrementalVacuum(this.deps.db.$client, () => this.stopped)
      .then(() => undefined)
      .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'incremental vacuum failed'))
      .finally(() => {
        this.working = null;
      });
  }

  private nextRunAt(retention: Retention, last: LastRun | null): Date | null {
    if (!RetentionRules.active(retention)) return null;
    return new Date(last ? Date.parse(last.startedAt) + DAY_MS : this.now().getTime());
  }

  private runIfDue(): void {
    if (this.stopped || this.pass()) return;
    const next = this.nextRunAt(this.rules.get(), this.last());
    if (next && next.getTime() <= this.now().getTime()) this.begin();
  }

  private begin(): void {
    const now = this.now();
    const sqlite = this.deps.db.$client;
    const bounds = sqlite
      .prepare('SELECT coalesce(max(row_id), 0) AS through, count(*) AS total FROM messages')
      .get() as { through: number; total: number };
    const pass: Pass = {
      startedAt: now.toISOString(),
      cutoffs: RetentionRules.cutoffs(this.rules.get(), now.getTime()),
      afterRowId: 0,
      throughRowId: bounds.through,
      total: bounds.total,
      scanned: 0,
      mediaRemoved: 0,
      messagesDeleted: 0,
      filesDeleted: 0,
      bytesFreed: 0,
    };
    this.deps.internal.write(PASS_KEY, pass);
    this.deps.logger.info({ cutoffs: pass.cutoffs, messages: pass.total }, 'retention pass started');
    this.work();
  }

  private work(): void {
    if (this.stopped) return;
    const previous = this.working;
    this.working = (async () => {
      await previous;
      await this.passBatches();
      if (!this.stopped && !this.pass()) await incrementalVacuum(this.deps.db.$client, () => this.stopped);
    })()
      .catch((error: unknown) => {
        // The pass stays stored and continues at the next start.
        this.deps.logger.error({ err: error }, 'retention pass failed');
      })
      .finally(() => {
        this.working = null;
      });
  }

  private async passBatches(): Promise<void> {
    for (;;) {
      await yieldToEventLoop();
      if (this.stopped) return;
      const pass = this.pass();
      if (!pass) return;
      const nothingToCut =
        pass.cutoffs.mediaBefore === null && Object.keys(pass.cutoffs.messagesBefore).length === 0;
      const done = this.deps.db.transaction(() => {
        const result = nothingToCut
          ? { lastRowId: null, scanned: 0, mediaRemoved: 0, messagesDeleted: 0, mediaCandidates: [] }
          : this.batch.run(pass.afterRowId, pass.throughRowId, pass.cutoffs, this.now());
        if (result.mediaCandidates.length > 0) {
          this.deps.internal.write(`${MEDIA_PREFIX}${randomUUID()}`, result.mediaCandidates);
        }
        pass.scanned += result.scanned;
        pass.mediaRemoved += result.mediaRemoved;
        pass.messagesDeleted += result.messagesDeleted;
        if (result.lastRowId !== null) {
          pass.afterRowId = result.lastRowId;
          this.deps.internal.write(PASS_KEY, pass);
          return null;
        }
        return this.finish(pass);
      });
      for (const listener of this.batchListeners) listener(pass);
      if (done) {
        // Same tick as the commit: see UnusedMedia.removeFiles.
        this.deps.media.removeFiles(done.files);
        this.deps.logger.info(done.last, 'retention pass finished');
        return;
      }
    }
  }

  /** Inside the last batch's transaction: deletes unused media rows, stores the result. */
  private finish(pass: Pass): { files: string[]; last: LastRun } {
    const sqlite = this.deps.db.$client;
    const range = [MEDIA_PREFIX, MEDIA_PREFIX.slice(0, -1) + ';'] as const;
    const candidates = [
      ...new Set(
        (
          sqlite.prepare('SELECT value FROM settings WHERE key > ? AND key < ?').all(...range) as {
            value: string;
          }[]
        ).flatMap((row) => JSON.parse(row.value) as string[]),
      ),
    ];
    const sizes = new Map(
      (
        sqlite
          .prepare('SELECT sha256, size FROM media_files WHERE sha256 IN (SELECT value FROM json_each(?))')
          .all(JSON.stringify(candidates)) as { sha256: string; size: number }[]
      ).map((row) => [row.sha256, row.size]),
    );
    const files = this.deps.media.forgetUnreferenced(candidates);
    sqlite.prepare('DELETE FROM settings WHERE key > ? AND key < ?').run(...range);
    const last: LastRun = {
      startedAt: pass.startedAt,
      finishedAt: this.now().toISOString(),
      scanned: pass.scanned,
      mediaRemoved: pass.mediaRemoved,
      messagesDeleted: pass.messagesDeleted,
      filesDeleted: files.length,
      bytesFreed: files.reduce((sum, sha) => sum + (sizes.get(sha) ?? 0), 0),
    };
    this.deps.internal.delete(PASS_KEY);
    this.deps.internal.write(LAST_KEY, last);
    return { files, last };
  }

  private pass(): Pass | null {
    return this.deps.internal.read<Pass>(PASS_KEY);
  }

  private last(): LastRun | null {
    return this.deps.internal.read<LastRun>(LAST_KEY);
  }
}
