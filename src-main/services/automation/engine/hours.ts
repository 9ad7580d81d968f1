/**
 * Business hours of a number: the widget's opening-hours model and logic (src-shared/widget-hours.ts,
 * one implementation), plus closed dates (holidays) as whole local days.
 */
import type { AutomationSettings } from '../../../../src-shared/contract/automation.js';
import {
  hasNoHours,
  isWithinHours,
  nextOpening as nextRangeStart,
  zonedClock,
} from '../../../../src-shared/widget-hours.js';
import { localParts, zonedInstant } from '../../../../src-shared/zoned-time.js';

type Hours = Pick<AutomationSettings, 'timeZone' | 'hours' | 'closedDates'>;

/** `YYYY-MM-DD` of the local day at `at`. */
export function localDate(timeZone: string, at: number): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

export function isOpen(settings: Hours, at: number): boolean {
  if (settings.closedDates.includes(localDate(settings.timeZone, at))) return false;
  return isWithinHours(settings.hours, zonedClock(settings.timeZone, new Date(at)));
}

/** Local midnight starting the day after the local day of `at`. */
function nextMidnight(timeZone: string, at: number): number {
  const p = localParts(at, timeZone);
  const next = new Date(Date.UTC(p.year, p.month - 1, p.day + 1));
  return zonedInstant(timeZone, next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/**
 * When the number opens next, or null while open (or when it never opens). Walks range starts
 * (or, with no weekly hours, midnights) and skips those on closed dates; a year of closed days
 * at most.
 */
export function nextOpening(settings: Hours, at: number): number | null {
  if (isOpen(settings, at)) return null;
  const week = { timeZone: settings.timeZone, operators: [{ hours: settings.hours }] };
  let cursor = at;
  for (let step = 0; step < 400; step++) {
    const candidate = hasNoHours(settings.hours)
      ? nextMidnight(settings.timeZone, cursor)
      : (nextRangeStart(week, new Date(cursor))?.at.getTime() ?? null);
    if (candidate === null) return null;
    if (isOpen(settings, candidate)) return candidate;
    cursor = candidate;
  }
  return null;
}
