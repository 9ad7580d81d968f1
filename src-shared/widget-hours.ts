/**
 * Opening-hours logic for the click-to-chat widget.
 *
 * Deliberately dependency-free (no zod, no node:*, no DOM): the embeddable widget script bundles
 * this file, so everything here must stay small and run in any browser. The only platform API is
 * `Intl.DateTimeFormat`, which converts an instant to the business's local wall clock.
 *
 * Hours are wall-clock ranges in the business's IANA time zone. A range whose `availableUntil` is
 * earlier than its `availableFrom` runs past midnight: FR 22:00:00–02:00:00 means Friday 22:00 to
 * Saturday 02:00. `availableUntil` is exclusive.
 */
import { localParts } from './zoned-time.js';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `HH:MM:SS`, 24-hour clock, 00:00:00–23:59:59. */
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

export interface TimeRange {
  availableFrom: string;
  availableUntil: string;
}

export type WeeklyHours = Partial<Record<Weekday, readonly TimeRange[]>>;

/** The only things availability needs to know about a widget; structural so both stored and public forms fit. */
export interface Schedule<Operator extends { hours: WeeklyHours }> {
  timeZone: string;
  operators: readonly Operator[];
}

/** A moment on the business's wall clock. */
interface ZonedClock {
  weekday: Weekday;
  /** Seconds since local midnight, 0–86399. */
  secondsOfDay: number;
}

/** The next moment someone becomes available. */
export interface Opening {
  at: Date;
  /** Business-local weekday and `HH:MM` of the opening, for messages in the business's own clock. */
  weekday: Weekday;
  time: string;
}

const DAY_SECONDS = 86_400;
// localParts numbers weekdays from Sunday (0), as Date does.
const WEEKDAY_CODES: readonly Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

interface WallClock extends ZonedClock {
  /** The wall-clock reading expressed as if it were UTC, used to derive the zone's offset. */
  asUtcMs: number;
}

function wallClock(timeZone: string, instant: Date): WallClock {
  const p = localParts(instant.getTime(), timeZone);
  return {
    weekday: WEEKDAY_CODES[p.weekday] ?? 'MO',
    secondsOfDay: p.hour * 3600 + p.minute * 60 + p.second,
    asUtcMs: Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second),
  };
}

/** Local offset of the zone at that instant (local minus UTC), in milliseconds. */
function utcOffsetMs(timeZone: string, instant: Date): number {
  const wholeSecond = Math.floor(instant.getTime() / 1000) * 1000;
  return wallClock(timeZone, instant).asUtcMs - wholeSecond;
}

/** The business's local weekday and time of day at `instant`. */
export function zonedClock(timeZone: string, instant: Date): ZonedClock {
  const { weekday, secondsOfDay } = wallClock(timeZone, instant);
  return { weekday, secondsOfDay };
}

/** Seconds since midnight of a `HH:MM:SS` string (assumed valid). */
export function secondsOfDay(time: string): number {
  const [hours = 0, minutes = 0, seconds = 0] = time.split(':').map(Number);
  return hours * 3600 + minutes * 60 + seconds;
}

function dayOffset(weekday: Weekday, offset: number): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(weekday) + offset + 7 * 2) % 7] ?? 'MO';
}

/** True when no day has any range: such an operator has no schedule and is always available. */
export function hasNoHours(hours: WeeklyHours): boolean {
  return WEEKDAYS.every((day) => (hours[day]?.length ?? 0) === 0);
}

/** Whether the hours cover the given local moment, including yesterday's ranges that run past midnight. */
export function isWithinHours(hours: WeeklyHours, clock: ZonedClock): boolean {
  if (hasNoHours(hours)) return true;
  const now = clock.secondsOfDay;
  const today = hours[clock.weekday] ?? [];
  const startedToday = today.some((range) => {
    const from = secondsOfDay(range.availableFrom);
    const until = secondsOfDay(range.availableUntil);
    return from < until ? now >= from && now < until : from > until && now >= from;
  });
  if (startedToday) return true;
  const yesterday = hours[dayOffset(clock.weekday, -1)] ?? [];
  return yesterday.some((range) => {
    const until = secondsOfDay(range.availableUntil);
    return until < secondsOfDay(range.availableFrom) && now < until;
  });
}

/** The operators available at `now`, in their configured order. */
export function availableOperators<Operator extends { hours: WeeklyHours }>(
  widget: Schedule<Operator>,
  now: Date,
): Operator[] {
  const clock = zonedClock(widget.timeZone, now);
  return widget.operators.filter((operator) => isWithinHours(operator.hours, clock));
}

/**
 * The first range start strictly after `now` across all operators, looking one week ahead.
 * Returns null when there is nothing to wait for (no operators, or none with hours).
 */
export function nextOpening(widget: Schedule<{ hours: WeeklyHours }>, now: Date): Opening | null {
  const clock = zonedClock(widget.timeZone, now);
  let best: { wallSeconds: number; weekday: Weekday; from: string } | null = null;
  for (const operator of widget.operators) {
    for (let days = 0; days <= 7; days++) {
      const weekday = dayOffset(clock.weekday, days);
      for (const range of operator.hours[weekday] ?? []) {
        const wallSeconds = days * DAY_SECONDS + secondsOfDay(range.availableFrom) - clock.secondsOfDay;
        if (wallSeconds > 0 && (!best || wallSeconds < best.wallSeconds)) {
          best = { wallSeconds, weekday, from: range.availableFrom };
        }
      }
    }
  }
  if (!best) return null;
  return {
    at: wallTimeToInstant(widget.timeZone, now, best.wallSeconds),
    weekday: best.weekday,
    time: best.from.slice(0, 5),
  };
}

/**
 * The instant at which the local wall clock reads `wallSeconds` later than it does at `now`.
 * Wall-clock and elapsed time differ by any DST change in between, so correct by the offset change.
 * (A wall time inside a spring-forward gap does not exist; it resolves to a nearby real instant.)
 */
function wallTimeToInstant(timeZone: string, now: Date, wallSeconds: number): Date {
  const start = Math.floor(now.getTime() / 1000) * 1000;
  const naive = start + wallSeconds * 1000;
  const offsetNow = utcOffsetMs(timeZone, now);
  let instant = naive - (utcOffsetMs(timeZone, new Date(naive)) - offsetNow);
  instant = naive - (utcOffsetMs(timeZone, new Date(instant)) - offsetNow);
  return new Date(instant);
}
