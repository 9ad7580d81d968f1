/**
 * Time inside business hours between two instants, with the automation's hours model (weekly
 * ranges in the number's zone, ranges past midnight, closed dates; src-shared/widget-hours.ts and
 * automation/engine/hours.ts). Each local day's open ranges are turned into instants with
 * `zonedInstant`, so a DST day is 23 or 25 hours long like the wall clock says.
 */
import type { AutomationSettings } from '../../../../src-shared/contract/automation.js';
import { hasNoHours, secondsOfDay, WEEKDAYS } from '../../../../src-shared/widget-hours.js';
import { addDays, localParts, zonedInstant } from '../../../../src-shared/zoned-time.js';

export type BusinessHours = Pick<AutomationSettings, 'timeZone' | 'hours' | 'closedDates'>;

// WEEKDAYS starts on Monday; localParts / addDays number days from Sunday (0).
const weekdayCode = (sundayFirst: number) => WEEKDAYS[(sundayFirst + 6) % 7] ?? 'MO';
const dateKey = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** Milliseconds of [from, to) that fall inside the hours; the whole span when no hours are set. */
export function businessDuration(hours: BusinessHours, from: number, to: number): number {
  if (to <= from) return 0;
  const { timeZone } = hours;
  const closed = new Set(hours.closedDates);
  const always = hasNoHours(hours.hours);
  // Start a day early: yesterday's range past midnight may cover the start.
  const first = localParts(from, timeZone);
  let day = addDays(first.year, first.month, first.day, -1);
  let total = 0;
  for (let guard = 0; guard < 4000; guard++) {
    const { dayStart, ranges } = dayOf(hours, day, always);
    if (dayStart >= to) break;
    // A range past midnight belongs to the day it started on; a closed date closes its own day.
    if (!closed.has(dateKey(day))) {
      for (const [start, end] of ranges) total += Math.max(0, Math.min(end, to) - Math.max(start, from));
    }
    day = addDays(day.year, day.month, day.day, 1);
  }
  return total;
}

type Day = ReturnType<typeof addDays>;
interface DayRanges {
  dayStart: number;
  ranges: [number, number][];
}

// Each local day's ranges are computed once per hours object (a report measures many conversations
// over the same days, and every instant costs a few Intl calls).
const days = new WeakMap<BusinessHours, Map<string, DayRanges>>();

function dayOf(hours: BusinessHours, day: Day, always: boolean): DayRanges {
  let cache = days.get(hours);
  if (!cache) days.set(hours, (cache = new Map()));
  const key = dateKey(day);
  let found = cache.get(key);
  if (!found) {
    const next = addDays(day.year, day.month, day.day, 1);
    found = {
      dayStart: zonedInstant(hours.timeZone, day.year, day.month, day.day),
      ranges: openRanges(hours, day, next, always),
    };
    cache.set(key, found);
  }
  return found;
}

function openRanges(hours: BusinessHours, day: Day, next: Day, always: boolean): [number, number][] {
  const { timeZone } = hours;
  const at = (d: Day, seconds: number) =>
    zonedInstant(
      timeZone,
      d.year,
      d.month,
      d.day,
      Math.floor(seconds / 3600),
      Math.floor(seconds / 60) % 60,
      seconds % 60,
    );
  if (always) return [[at(day, 0), at(next, 0)]];
  return (hours.hours[weekdayCode(day.weekday)] ?? []).map((range) => {
    const from = secondsOfDay(range.availableFrom);
    const until = secondsOfDay(range.availableUntil);
    return [at(day, from), until > from ? at(day, until) : at(next, until)];
  });
}
