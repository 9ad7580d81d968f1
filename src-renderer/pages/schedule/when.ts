/** Date and time in a chosen zone ↔ the ISO-8601 (with offset) the API stores as UTC. */
import { localParts, offsetMinutes, zonedInstant } from '../../../src-shared/zoned-time';
import { currentIntl } from '../../i18n/store';

export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

export interface LocalDateTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
}

/** The instant the zone's clock shows `date time`, as ISO-8601 with the zone's offset; null if incomplete. */
export function toSendAt(
  value: LocalDateTime,
  zone: string,
): { iso: string; utc: string; ms: number } | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.date);
  const t = /^(\d{2}):(\d{2})$/.exec(value.time);
  if (!d || !t) return null;
  const ms = zonedInstant(zone, Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2]));
  const p = localParts(ms, zone);
  const offset = offsetMinutes(ms, zone);
  const sign = offset < 0 ? '-' : '+';
  const iso =
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:00` +
    `${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return { iso, utc: new Date(ms).toISOString(), ms };
}

export function toLocal(ms: number, zone: string): LocalDateTime {
  const p = localParts(ms, zone);
  return { date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** A default: the next full quarter hour at least 10 minutes from now. */
export function soon(zone: string): LocalDateTime {
  const ms = Math.ceil((Date.now() + 10 * 60_000) / (15 * 60_000)) * 15 * 60_000;
  return toLocal(ms, zone);
}

export function formatInZone(iso: string, zone: string): string {
  // In the app's language (not the browser's), like every other date on screen.
  return new Intl.DateTimeFormat(currentIntl().locale, {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** `2026-11-21 16:00 UTC` */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
