/**
 * The snooze menu's times, in the person's own clock: "later today" is three hours from now
 * (rounded to the next full hour), "tomorrow" is 9:00 the next day. A chosen time must be in the
 * future (the server refuses the past too, naming `snoozeUntil`).
 */
export function laterToday(now: Date): Date {
  const at = new Date(now.getTime() + 3 * 60 * 60 * 1000);
  if (at.getMinutes() !== 0 || at.getSeconds() !== 0 || at.getMilliseconds() !== 0) {
    at.setHours(at.getHours() + 1, 0, 0, 0);
  }
  return at;
}

export function tomorrowMorning(now: Date): Date {
  const at = new Date(now);
  at.setDate(at.getDate() + 1);
  at.setHours(9, 0, 0, 0);
  return at;
}

/** A `datetime-local` input's value (local time, no zone) as a Date; null when empty or invalid. */
export function parseLocalDateTime(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const at = new Date(y, mo - 1, d, h, mi, 0, 0);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** A Date as a `datetime-local` input's value, in local time. */
export function toLocalDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
