/**
 * The local day, weekday and hour of instants in one zone, per quarter hour (every zone's offset
 * is a multiple of 15 minutes, and it changes on a quarter hour).
 */
import { addDays, offsetMinutes } from '../../../../src-shared/zoned-time.js';

export interface LocalSlot {
  /** YYYY-MM-DD */
  date: string;
  /** 0 = Monday … 6 = Saturday */
  weekday: number;
  hour: number;
}

const QUARTER = 15 * 60_000;
const QUARTERS_PER_DAY = 96;

/**
 * Asking Intl for every quarter of a year (35,000 calls) was a large share of a report's time:
 * the zone's offset is asked at each UTC midnight instead, and only a day whose two ends differ
 * (a DST change: at most one a day) is halved down to the quarter where it changes.
 */
export function localClock(timeZone: string): (at: number) => LocalSlot {
  const cache = new Map<number, LocalSlot>();
  const offsetOf = (quarter: number) => offsetMinutes(quarter * QUARTER, timeZone) * 60_000;
  const days = new Map<number, { before: number; after: number; changeAt: number }>();
  const dayOf = (day: number) => {
    let found = days.get(day);
    if (!found) {
      const first = day * QUARTERS_PER_DAY;
      const before = offsetOf(first);
      const after = offsetOf(first + QUARTERS_PER_DAY);
      // The first quarter with the next midnight's offset (none when they agree).
      let [low, high] = [first, first + QUARTERS_PER_DAY];
      while (before !== after && high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (offsetOf(middle) === before) low = middle;
        else high = middle;
      }
      found = { before, after, changeAt: before === after ? Infinity : high };
      days.set(day, found);
    }
    return found;
  };
  return (at) => {
    const key = Math.floor(at / QUARTER);
    let slot = cache.get(key);
    if (!slot) {
      const day = dayOf(Math.floor(key / QUARTERS_PER_DAY));
      const local = new Date(key * QUARTER + (key < day.changeAt ? day.before : day.after));
      slot = {
        date: isoDate({
          year: local.getUTCFullYear(),
          month: local.getUTCMonth() + 1,
          day: local.getUTCDate(),
        }),
        weekday: (local.getUTCDay() + 6) % 7,
        hour: local.getUTCHours(),
      };
      cache.set(key, slot);
    }
    return slot;
  };
}

export function isoDate(d: { year: number; month: number; day: number }): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Every date from `from` to `to` (YYYY-MM-DD, both included). */
export function datesBetween(from: string, to: string): string[] {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const out: string[] = [];
  for (let i = 0; i < 400; i++) {
    const date = isoDate(addDays(y, m, d, i));
    out.push(date);
    if (date >= to) break;
  }
  return out;
}

/**
 * The zone's offset at a quarter, in quarter hours, remembered: a year's report asks for ~730
 * (each UTC midnight, twice a report) and Intl took tens of milliseconds of it at load. Offsets
 * of the past do not change while the process runs (a tz data update needs a new Node).
 */
const offsets = new Map<string, number>();
const OFFSETS_KEPT = 200_000;
function cachedOffset(timeZone: string, quarter: number): number {
  const key = `${timeZone}\u0000${quarter}`;
  let found = offsets.get(key);
  if (found === undefined) {
    if (offsets.size >= OFFSETS_KEPT) offsets.clear();
    found = offsetMinutes(quarter * QUARTER, timeZone) / 15;
    offsets.set(key, found);
  }
  return found;
}

/** A run of quarter hours [from, to) over which the zone is `offset` quarter hours ahead of UTC. */
export type OffsetSegment = [from: number, to: number, offset: number];

/**
 * The zone's offsets over the quarters [fromQuarter, toQuarter), as runs (one per DST period:
 * three over a year). A quarter's local quarter is `quarter + offset`, its local day that over 96
 * and its local hour that over 4, so kept sums can be grouped by local hour in SQL and kept events
 * put in their local day without asking Intl each time. Null when an offset is not a whole number
 * of quarter hours (no zone today; the caller then reads the slower way).
 */
export function offsetSegments(
  timeZone: string,
  fromQuarter: number,
  toQuarter: number,
): OffsetSegment[] | null {
  const offsetOf = (quarter: number) => cachedOffset(timeZone, quarter);
  const out: OffsetSegment[] = [];
  let start = fromQuarter;
  let current = offsetOf(fromQuarter);
  // A change at or before the first quarter is in `current` already; one after the last is not ours.
  const cut = (at: number, next: number) => {
    if (at <= start || at >= toQuarter || next === current) return;
    out.push([start, at, current]);
    start = at;
    current = next;
  };
  for (let day = Math.floor(fromQuarter / QUARTERS_PER_DAY); day * QUARTERS_PER_DAY < toQuarter; day++) {
    const first = day * QUARTERS_PER_DAY;
    const before = offsetOf(first);
    if (before !== current) cut(first, before);
    const after = offsetOf(first + QUARTERS_PER_DAY);
    if (before === after) continue;
    let [low, high] = [first, first + QUARTERS_PER_DAY];
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (offsetOf(middle) === before) low = middle;
      else high = middle;
    }
    cut(high, after);
  }
  out.push([start, toQuarter, current]);
  return out.every(([, , offset]) => Number.isInteger(offset)) ? out : null;
}

/** The local day number (days since 1970-01-01 on the zone's calendar) of a quarter inside the segments. */
export function localDayOfQuarter(segments: readonly OffsetSegment[], quarter: number): number {
  for (const [from, to, offset] of segments) {
    if (quarter >= from && quarter < to) return Math.floor((quarter + offset) / QUARTERS_PER_DAY);
  }
  return Number.NaN;
}
