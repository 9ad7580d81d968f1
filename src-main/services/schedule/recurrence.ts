/**
 * When a repeating schedule sends next. Daily, weekly and monthly keep the wall-clock time of
 * the first send in the schedule's zone (09:00 stays 09:00 across DST changes); monthly keeps
 * the day of month, using the month's last day when it is shorter (31st → 30 April).
 */
import type { Repeat } from '../../../src-shared/contract/schedule.js';
import { nextCronTime, parseCron } from './cron.js';
import { addDays, daysInMonth, localParts, zonedInstant } from '../../../src-shared/zoned-time.js';

/** The wall clock a repetition keeps, taken from the first send. Stored with the repeat rule. */
interface RepeatAnchor {
  hour: number;
  minute: number;
  second: number;
  day: number;
}

export type StoredRepeat = Repeat & { anchor?: RepeatAnchor };

export function anchorOf(sendAt: number, timeZone: string): RepeatAnchor {
  const p = localParts(sendAt, timeZone);
  return { hour: p.hour, minute: p.minute, second: p.second, day: p.day };
}

/** Throws VALIDATION_FAILED (field `repeat.expression`) for a bad cron expression. */
export function validateRepeat(repeat: Repeat | null | undefined): void {
  if (repeat?.kind === 'cron') parseCron(repeat.expression);
}

/**
 * The first occurrence strictly after `after`, following the occurrence at `previous`.
 * Returns null when there is none (a cron expression that never matches again).
 */
export function nextOccurrence(
  repeat: StoredRepeat,
  previous: number,
  timeZone: string,
  after: number = previous,
): number | null {
  if (repeat.kind === 'cron')
    return nextCronTime(parseCron(repeat.expression), Math.max(previous, after), timeZone);
  const anchor = repeat.anchor ?? anchorOf(previous, timeZone);
  const start = localParts(previous, timeZone);
  for (let step = 1; step < 100_000; step++) {
    let candidate: number;
    if (repeat.kind === 'monthly') {
      const monthIndex = start.month - 1 + step;
      const year = start.year + Math.floor(monthIndex / 12);
      const month = (monthIndex % 12) + 1;
      const day = Math.min(anchor.day, daysInMonth(year, month));
      candidate = zonedInstant(timeZone, year, month, day, anchor.hour, anchor.minute, anchor.second);
    } else {
      const date = addDays(start.year, start.month, start.day, step * (repeat.kind === 'weekly' ? 7 : 1));
      candidate = zonedInstant(
        timeZone,
        date.year,
        date.month,
        date.day,
        anchor.hour,
        anchor.minute,
        anchor.second,
      );
    }
    if (candidate > after) return candidate;
  }
  return null;
}

/** The repeat rule as the API shows it (without the stored anchor). */
export function publicRepeat(repeat: StoredRepeat | null): Repeat | null {
  if (!repeat) return null;
  if (repeat.kind === 'cron') return { kind: 'cron', expression: repeat.expression };
  return { kind: repeat.kind };
}
