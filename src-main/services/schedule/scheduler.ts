import { and, eq, lte, sql } from 'drizzle-orm';
import { isAppError } from '../../../src-shared/errors.js';
import type { ScheduledMessage } from '../../../src-shared/contract/schedule.js';
import type { EventBus } from '../../core/event-bus.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import { schedules } from '../../db/schema.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { Clock } from './clock.js';
import { WakeLoop } from './wake-loop.js';
import { OfflineSessions } from './offline-sessions.js';
import { nextOccurrence, type StoredRepeat } from './recurrence.js';
import type { ScheduleService } from './schedule-service.js';
import { toSchedule, type ScheduleRow } from './schedule-rows.js';
import { PERMANENT_CODES, type ScheduleSender } from './sender.js';
import { missedReason, waitingForSessionReason } from '../../../src-shared/send-failure.js';

export interface SchedulerOptions {
  /** Wait before retrying a session that was offline (it is also retried as soon as it connects). */
  offlineRetryMs?: number;
  /** Unexpected errors are retried this many times before the schedule fails. */
  maxAttempts?: number;
}

/**
 * The one loop that sends scheduled messages. Each due row is claimed (`pending → sending`)
 * in the database before it is sent, and sent with the idempotency key
 * `schedule:<id>:<occurrence>`, so neither a second loop nor a crash mid-send sends it twice:
 * rows left in `sending` by a crash are retried at start with the same key, and SendService
 * answers a retry of a completed send from its idempotency record.
 */
export class Scheduler {
  private pass: Promise<void> | null = null;
  private again = false;
  private readonly offline: OfflineSessions;
  private readonly loop: WakeLoop;
  /** Rows recovered from `sending` at start: claimed on time, so never marked missed. */
  private readonly recovered = new Set<string>();
  private readonly maxAttempts: number;

  constructor(
    private readonly db: Db,
    private readonly events: EventRecorder,
    bus: EventBus,
    private readonly service: ScheduleService,
    private readonly send: ScheduleSender,
    private readonly clock: () => Clock,
    private readonly logger: Logger,
    options: SchedulerOptions = {},
  ) {
    this.offline = new OfflineSessions(bus, options.offlineRetryMs ?? 30_000);
    this.loop = new WakeLoop(clock, this.offline, () => this.wake());
    this.maxAttempts = options.maxAttempts ?? 3;
  }

  start(): void {
    const stuck = this.db
      .update(schedules)
      .set({ status: 'pending' })
      .where(eq(schedules.status, 'sending'))
      .returning({ id: schedules.id })
      .all();
    for (const { id } of stuck) this.recovered.add(id);
    if (stuck.length)
      this.logger.info({ count: stuck.length }, 'schedules interrupted mid-send will be retried');
    this.loop.start();
  }

  async stop(): Promise<void> {
    this.loop.stop();
    await this.pass;
  }

  /** Resolves once no pass is running (one a wake started meanwhile included): tests wait on it. */
  async idle(): Promise<void> {
    while (this.pass) await this.pass;
  }

  /** Looks for due rows now, and re-arms the timer for the next one. */
  wake(): void {
    if (!this.loop.running) return;
    if (this.pass) {
      this.again = true;
      return;
    }
    this.loop.disarm();
    this.pass = this.runPasses()
      .catch((error: unknown) => this.logger.error({ err: error }, 'scheduler pass failed'))
      .finally(() => {
        this.pass = null;
        this.arm();
      });
  }

  private async runPasses(): Promise<void> {
    do {
      this.again = false;
      await this.sendDue();
    } while (this.again && this.loop.running);
  }

  private arm(): void {
    if (!this.loop.running) return;
    const now = this.clock().now();
    const perSession = this.db
      .select({ session: schedules.sessionId, at: sql<number>`min(${schedules.sendAt})` })
      .from(schedules)
      .where(eq(schedules.status, 'pending'))
      .groupBy(schedules.sessionId)
      .all();
    let next = Infinity;
    for (const { session, at } of perSession)
      next = Math.min(next, Math.max(at, this.offline.heldUntil(session, now) ?? 0));
    this.loop.armAt(next, now);
  }

  private async sendDue(): Promise<void> {
    const now = this.clock().now();
    const missAfterMs = this.service.getSettings().missAfterMinutes * 60_000;
    const due = this.db
      .select()
      .from(schedules)
      .where(and(eq(schedules.status, 'pending'), lte(schedules.sendAt, now)))
      .orderBy(schedules.sendAt)
      .limit(100)
      .all();
    for (const row of due) {
      if (!this.loop.running) return;
      const current = this.clock().now();
      if (!this.recovered.has(row.id) && current - row.sendAt > missAfterMs) {
        this.markMissed(row, current, missAfterMs);
        continue;
      }
      if (this.offline.heldUntil(row.sessionId, current) !== null) continue;
      const claimed = this.db
        .update(schedules)
        .set({ status: 'sending', attempts: sql`${schedules.attempts} + 1`, updatedAt: current })
        .where(and(eq(schedules.id, row.id), eq(schedules.status, 'pending')))
        .run();
      if (claimed.changes !== 1) continue;
      await this.sendClaimed({ ...row, attempts: row.attempts + 1 });
    }
  }

  private async sendClaimed(row: ScheduleRow): Promise<void> {
    const key = `schedule:${row.id}:${row.sendAt}`;
    try {
      const message = await this.send(row.sessionId, row.message as unknown as ScheduledMessage, key, {
        type: 'system',
        id: row.id,
        name: 'Scheduled message',
      });
      this.recovered.delete(row.id);
      this.finish(row, { messageId: message.id });
    } catch (error) {
      const now = this.clock().now();
      const text = error instanceof Error ? error.message : String(error);
      if (isAppError(error) && error.code === 'NOT_CONNECTED') {
        this.offline.holdBack(row.sessionId, now);
        this.release(row, waitingForSessionReason(row.sessionId), true);
        return;
      }
      const permanent = isAppError(error) && PERMANENT_CODES.has(error.code);
      if (!permanent && row.attempts < this.maxAttempts) {
        this.logger.warn({ err: error, schedule: row.id }, 'scheduled send failed; will retry');
        this.offline.holdBack(row.sessionId, now);
        this.release(row, text, false);
        return;
      }
      this.recovered.delete(row.id);
      this.finish(row, { error: text });
    }
  }

  /** Back to pending (same occurrence, so the same idempotency key next time). */
  private release(row: ScheduleRow, reason: string, notCounted: boolean): void {
    this.db
      .update(schedules)
      .set({
        status: 'pending',
        lastError: reason,
        updatedAt: this.clock().now(),
        ...(notCounted ? { attempts: sql`max(${schedules.attempts} - 1, 0)` } : {}),
      })
      .where(and(eq(schedules.id, row.id), eq(schedules.status, 'sending')))
      .run();
  }

  /** After a send (or a final failure): sent/failed, or on to the next occurrence; one event. */
  private finish(row: ScheduleRow, outcome: { messageId: string } | { error: string }): void {
    const now = this.clock().now();
    const repeat = row.repeat as StoredRepeat | null;
    const next = repeat ? nextOccurrence(repeat, row.sendAt, row.timeZone, now) : null;
    this.events.transaction(() => {
      const sent = 'messageId' in outcome;
      const changes: Partial<ScheduleRow> =
        next !== null
          ? { status: 'pending', sendAt: next, attempts: 0 }
          : { status: sent ? 'sent' : 'failed' };
      if (sent) Object.assign(changes, { sentAt: now, sentMessageId: outcome.messageId, lastError: null });
      else changes.lastError = outcome.error;
      const updated = this.db
        .update(schedules)
        .set({ ...changes, updatedAt: now })
        .where(eq(schedules.id, row.id))
        .returning()
        .get();
      if (!updated) return;
      if (sent)
        this.events.record('schedule.sent', row.sessionId, {
          schedule: toSchedule(updated),
          messageId: outcome.messageId,
        });
      else
        this.events.record('schedule.failed', row.sessionId, {
          schedule: toSchedule(updated),
          error: outcome.error,
        });
    });
  }

  private markMissed(row: ScheduleRow, now: number, missAfterMs: number): void {
    const error = missedReason(row.sendAt, Math.round(missAfterMs / 60_000));
    const repeat = row.repeat as StoredRepeat | null;
    const next = repeat ? nextOccurrence(repeat, row.sendAt, row.timeZone, now) : null;
    this.events.transaction(() => {
      const updated = this.db
        .update(schedules)
        .set(
          next !== null
            ? { sendAt: next, lastError: error, updatedAt: now }
            : { status: 'missed', lastError: error, updatedAt: now },
        )
        .where(and(eq(schedules.id, row.id), eq(schedules.status, 'pending')))
        .returning()
        .get();
      if (updated)
        this.events.record('schedule.failed', row.sessionId, { schedule: toSchedule(updated), error });
    });
  }
}
