/**
 * Date arithmetic for the calendar on `YYYY-MM-DD` strings, in UTC so that no daylight-saving
 * change can turn "the next day" into the same day twice.
 */
import type { IsoWeekday } from '../i18n/week';

const DAY_MS = 86_400_000;

function toMs(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(ms) ? null : ms;
}

function toIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  return toMs(value) !== null;
}

export function addDays(iso: string, days: number): string {
  return toIso((toMs(iso) ?? 0) + days * DAY_MS);
}

/** The same day `months` later, or the month's last day when it is shorter (31 Jan + 1 → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const date = new Date(toMs(iso) ?? 0);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return toIso(target.getTime());
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a date. */
export function isoWeekday(iso: string): IsoWeekday {
  return (((new Date(toMs(iso) ?? 0).getUTCDay() + 6) % 7) + 1) as IsoWeekday;
}

/** The first day of the week that contains `iso`, for a week starting on `firstDay`. */
export function startOfWeek(iso: string, firstDay: IsoWeekday): string {
  return addDays(iso, -((isoWeekday(iso) - firstDay + 7) % 7));
}

export function sameMonth(a: string, b: string): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

/** Six weeks of dates covering `iso`'s month, each week starting on `firstDay`. */
export function monthWeeks(iso: string, firstDay: IsoWeekday): string[][] {
  const start = startOfWeek(`${iso.slice(0, 7)}-01`, firstDay);
  return Array.from({ length: 6 }, (_, week) =>
    Array.from({ length: 7 }, (_, day) => addDays(start, week * 7 + day)),
  );
}

/** Midnight UTC of a date, for formatting it with `timeZone: 'UTC'`. */
export function utcDate(iso: string): Date {
  return new Date(toMs(iso) ?? 0);
}
