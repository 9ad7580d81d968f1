/**
 * When a campaign may send: inside its working hours (a daily window in a zone, on chosen
 * weekdays; a window like 22:00–06:00 runs past midnight) and under its number's daily cap.
 */
import type { DayCode, WorkingHours } from '../../../src-shared/contract/schedule.js';
import { addDays, localParts, zonedInstant } from '../../../src-shared/zoned-time.js';

const DAY_CODES: DayCode[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

interface SendWindow {
  /** `at` itself when it is inside a window, else the next window's start. */
  start: number;
  end: number;
}

function hm(text: string): [number, number] {
  const [h = '0', m = '0'] = text.split(':');
  return [Number(h), Number(m)];
}

/** The window containing `at`, or the next one. Without working hours every moment is open. */
function sendWindow(hours: WorkingHours | null, at: number): SendWindow {
  if (!hours) return { start: at, end: Infinity };
  const today = localParts(at, hours.timeZone);
  const [fromH, fromM] = hm(hours.from);
  const [untilH, untilM] = hm(hours.until);
  const overnight = untilH * 60 + untilM <= fromH * 60 + fromM;
  for (let offset = -1; offset <= 8; offset++) {
    const date = addDays(today.year, today.month, today.day, offset);
    if (hours.days && !hours.days.includes(DAY_CODES[date.weekday]!)) continue;
    const start = zonedInstant(hours.timeZone, date.year, date.month, date.day, fromH, fromM);
    const endDate = overnight ? addDays(date.year, date.month, date.day, 1) : date;
    const end = zonedInstant(hours.timeZone, endDate.year, endDate.month, endDate.day, untilH, untilM);
    if (end > at) return { start: Math.max(start, at), end };
  }
  return { start: at, end: Infinity };
}

/** Start of the local day containing `at`, and of the next day, in `timeZone`. */
export function dayBounds(at: number, timeZone: string): { start: number; end: number } {
  const p = localParts(at, timeZone);
  const next = addDays(p.year, p.month, p.day, 1);
  return {
    start: zonedInstant(timeZone, p.year, p.month, p.day),
    end: zonedInstant(timeZone, next.year, next.month, next.day),
  };
}

/**
 * The earliest moment at or after `at` when a campaign may send: inside working hours and, if
 * `sentOnDay` says the day's cap is used up, on a later day.
 */
export function nextSendTime(
  hours: WorkingHours | null,
  dailyCap: number | null,
  at: number,
  sentOnDay: (start: number, end: number) => number,
): number {
  const zone = hours?.timeZone ?? 'UTC';
  let t = at;
  for (let guard = 0; guard < 400; guard++) {
    t = sendWindow(hours, t).start;
    if (dailyCap === null) return t;
    const day = dayBounds(t, zone);
    if (sentOnDay(day.start, day.end) < dailyCap) return t;
    t = day.end;
  }
  return t;
}

/**
 * When the last of `remaining` sends should happen, given the average delay, working hours and
 * the daily cap (`sentToday` already sent on the day of `start`). A rough but honest estimate.
 */
export function estimateFinish(options: {
  start: number;
  remaining: number;
  averageDelayMs: number;
  hours: WorkingHours | null;
  dailyCap: number | null;
  sentToday: number;
}): number {
  const { hours, dailyCap } = options;
  const zone = hours?.timeZone ?? 'UTC';
  const step = Math.max(1, options.averageDelayMs);
  let left = options.remaining;
  let t = options.start;
  let used = options.sentToday;
  let currentDay = dayBounds(t, zone).start;
  let last = t;
  for (let guard = 0; left > 0 && guard < 5000; guard++) {
    const window = sendWindow(hours, t);
    t = window.start;
    const day = dayBounds(t, zone);
    if (day.start !== currentDay) {
      used = 0;
      currentDay = day.start;
    }
    const capLeft = dailyCap === null ? Infinity : dailyCap - used;
    const windowEnd = Math.min(window.end, day.end);
    if (capLeft <= 0 || t >= windowEnd) {
      t = capLeft <= 0 ? day.end : windowEnd;
      continue;
    }
    const fits = Math.min(left, capLeft, Math.floor((windowEnd - t - 1) / step) + 1);
    last = t + (fits - 1) * step;
    left -= fits;
    used += fits;
    t = last + step;
  }
  return last;
}
