import type { Schedule } from '../../../src-shared/contract/schedule.js';
import type { ScheduledMessage } from '../../../src-shared/contract/schedule.js';
import type { schedules } from '../../db/schema.js';
import { publicRepeat, type StoredRepeat } from './recurrence.js';

export type ScheduleRow = typeof schedules.$inferSelect;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toSchedule(row: ScheduleRow): Schedule {
  return {
    id: row.id,
    session: row.sessionId,
    message: row.message as unknown as ScheduledMessage,
    sendAt: new Date(row.sendAt).toISOString(),
    timeZone: row.timeZone,
    repeat: publicRepeat(row.repeat as StoredRepeat | null),
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    sentAt: iso(row.sentAt),
    sentMessageId: row.sentMessageId,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
