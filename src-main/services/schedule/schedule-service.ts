import { and, asc, eq, gt, or, type SQL } from 'drizzle-orm';
import type {
  CreateScheduleInput,
  Schedule,
  ScheduleSettings,
  ScheduleStatus,
  UpdateScheduleInput,
} from '../../../src-shared/contract/schedule.js';
import { AppError } from '../../../src-shared/errors.js';
import { toJid } from '../../../src-shared/jid.js';
import { sortableId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';
import { schedules } from '../../db/schema.js';
import { idempotencySlot, type IdempotencyKeys } from '../idempotency/idempotency.js';
import type { SessionService } from '../sessions/sessions.js';
import type { SettingsService } from '../settings/settings.js';
import type { Clock } from './clock.js';
import { anchorOf, validateRepeat, type StoredRepeat } from './recurrence.js';
import { toSchedule, type ScheduleRow } from './schedule-rows.js';
import { statusAudienceJids } from '../status/status-audience.js';

/** Who a scheduled message goes to, checked now (naming the field) rather than when it is due. */
function checkRecipients(message: CreateScheduleInput['message']): void {
  if (message.type !== 'status') toJid(message.to, 'message.to');
  else if (message.audience !== 'contacts') statusAudienceJids(message.audience, 'message.audience');
}

const SETTINGS_KEY = 'schedules.settings';
const DEFAULT_SCHEDULE_SETTINGS: ScheduleSettings = { missAfterMinutes: 24 * 60 };

function parseSendAt(value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new AppError('VALIDATION_FAILED', 'sendAt: not a valid date-time', 'sendAt');
  return ms;
}

/** Scheduled messages: create, list, view, edit while pending, cancel. The Scheduler sends them. */
export class ScheduleService {
  private onChange: () => void = () => {};

  constructor(
    private readonly db: Db,
    private readonly sessions: SessionService,
    private readonly settings: SettingsService,
    private readonly clock: () => Clock,
    private readonly idempotency: IdempotencyKeys,
  ) {}

  /** Called after every change that may move the next due time (the scheduler re-arms). */
  whenChanged(listener: () => void): void {
    this.onChange = listener;
  }

  /**
   * With an idempotency key, a retry answers the schedule the first request created (even once
   * its `sendAt` has passed) and creates nothing; the schedule and its key are stored together.
   */
  create(input: CreateScheduleInput, idempotencyKey?: string): Schedule {
    const slot = idempotencySlot(`schedule:${input.session}`, idempotencyKey);
    const schedule = this.idempotency.once(slot, () => this.insert(input));
    this.onChange();
    return schedule;
  }

  private insert(input: CreateScheduleInput): Schedule {
    this.sessions.get(input.session);
    checkRecipients(input.message);
    validateRepeat(input.repeat);
    const sendAt = parseSendAt(input.sendAt);
    const now = this.clock().now();
    if (sendAt <= now) throw new AppError('VALIDATION_FAILED', 'sendAt: must be in the future', 'sendAt');
    const timeZone = input.timeZone ?? 'UTC';
    const row: ScheduleRow = {
      id: sortableId('sch'),
      sessionId: input.session,
      message: input.message as unknown as Record<string, unknown>,
      sendAt,
      timeZone,
      repeat: input.repeat ? { ...input.repeat, anchor: anchorOf(sendAt, timeZone) } : null,
      status: 'pending',
      attempts: 0,
      lastError: null,
      sentAt: null,
      sentMessageId: null,
      createdAt: now,
      updatedAt: now,
    };
    this.db.insert(schedules).values(row).run();
    return toSchedule(row);
  }

  get(id: string): Schedule {
    return toSchedule(this.row(id));
  }

  row(id: string): ScheduleRow {
    const row = this.db.select().from(schedules).where(eq(schedules.id, id)).get();
    if (!row) throw new AppError('NOT_FOUND', `no schedule "${id}"`, 'id');
    return row;
  }

  list(query: { status?: ScheduleStatus; session?: string; limit: number; cursor?: string }): {
    items: Schedule[];
    next: string | null;
  } {
    const conditions: SQL[] = [];
    if (query.status) conditions.push(eq(schedules.status, query.status));
    if (query.session) conditions.push(eq(schedules.sessionId, query.session));
    if (query.cursor) {
      const [at, id] = query.cursor.split('~');
      const atMs = Number(at);
      if (!id || !Number.isFinite(atMs)) {
        throw new AppError('VALIDATION_FAILED', 'cursor: must be a cursor this API returned', 'cursor');
      }
      conditions.push(or(gt(schedules.sendAt, atMs), and(eq(schedules.sendAt, atMs), gt(schedules.id, id)))!);
    }
    const rows = this.db
      .select()
      .from(schedules)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(asc(schedules.sendAt), asc(schedules.id))
      .limit(query.limit + 1)
      .all();
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toSchedule),
      next: rows.length > query.limit && last ? `${last.sendAt}~${last.id}` : null,
    };
  }

  update(id: string, patch: UpdateScheduleInput): Schedule {
    const row = this.row(id);
    if (row.status !== 'pending') {
      throw new AppError(
        'CONFLICT',
        `schedule "${id}" is ${row.status}; only pending schedules can be edited`,
      );
    }
    if (patch.message) checkRecipients(patch.message);
    validateRepeat(patch.repeat);
    const now = this.clock().now();
    const sendAt = patch.sendAt === undefined ? row.sendAt : parseSendAt(patch.sendAt);
    if (patch.sendAt !== undefined && sendAt <= now) {
      throw new AppError('VALIDATION_FAILED', 'sendAt: must be in the future', 'sendAt');
    }
    const timeZone = patch.timeZone ?? row.timeZone;
    const current = row.repeat as StoredRepeat | null;
    const repeatRule = patch.repeat === undefined ? current : patch.repeat;
    const repeat = repeatRule ? { ...repeatRule, anchor: anchorOf(sendAt, timeZone) } : null;
    const changes = {
      message: (patch.message ?? row.message) as Record<string, unknown>,
      sendAt,
      timeZone,
      repeat,
      lastError: null,
      updatedAt: now,
    };
    // Only while still pending: the scheduler may have claimed it a moment ago.
    const result = this.db
      .update(schedules)
      .set(changes)
      .where(and(eq(schedules.id, id), eq(schedules.status, 'pending')))
      .run();
    if (result.changes === 0) throw new AppError('CONFLICT', `schedule "${id}" is already being sent`);
    this.onChange();
    return this.get(id);
  }

  cancel(id: string): Schedule {
    const row = this.row(id);
    if (row.status === 'cancelled') return toSchedule(row);
    const result = this.db
      .update(schedules)
      .set({ status: 'cancelled', updatedAt: this.clock().now() })
      .where(and(eq(schedules.id, id), eq(schedules.status, 'pending')))
      .run();
    if (result.changes === 0) {
      throw new AppError(
        'CONFLICT',
        `schedule "${id}" is ${this.row(id).status} and can no longer be cancelled`,
      );
    }
    this.onChange();
    return this.get(id);
  }

  getSettings(): ScheduleSettings {
    return {
      ...DEFAULT_SCHEDULE_SETTINGS,
      ...this.settings.getInternal<Partial<ScheduleSettings>>(SETTINGS_KEY),
    };
  }

  updateSettings(next: ScheduleSettings): ScheduleSettings {
    this.settings.setInternal(SETTINGS_KEY, next);
    this.onChange();
    return this.getSettings();
  }
}
