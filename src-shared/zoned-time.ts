/**
 * Wall-clock time in an IANA zone, with nothing but Intl: the local parts of an instant, and the
 * instant of local parts (DST gaps move forward, overlaps take the earlier instant).
 */

interface LocalParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

// Building a DateTimeFormat is far more expensive than using one, and callers ask about few zones.
const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

export function localParts(instant: number, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? 'Sun'] ?? 0,
  };
}

/** Minutes the zone is ahead of UTC at `instant`. */
export function offsetMinutes(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the zone's clock shows these parts. A time skipped by a DST change
 * (02:30 on a spring-forward night) is moved forward by the gap; a time that happens twice
 * takes the first.
 */
export function zonedInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const before = offsetMinutes(wall - 36 * 3_600_000, timeZone);
  const after = offsetMinutes(wall + 36 * 3_600_000, timeZone);
  const candidates = [...new Set([wall - before * 60_000, wall - after * 60_000])].sort((a, b) => a - b);
  for (const candidate of candidates) {
    const p = localParts(candidate, timeZone);
    if (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) === wall) return candidate;
  }
  // In a gap: the offset from before the change lands after the gap (02:30 → 03:30).
  return wall - before * 60_000;
}

/** The calendar date `days` after the given one (plain date arithmetic, no zone). */
export function addDays(year: number, month: number, day: number, days: number) {
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
  };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
