import type { Chat, Contact } from '../../../src-shared/messages';

import { formatPhone } from '../phone';
import { cachedDayKey, dateTimeFormat, relativeTimeFormat } from './intl-cache';

export { formatPhone };

/** The name to show for a chat: its name, else the number, else the JID. */
export function chatTitle(chat: Pick<Chat, 'name' | 'phone' | 'jid'>): string {
  return chat.name?.trim() || formatPhone(chat.phone) || chat.jid;
}

export function contactName(contact: Contact | null): string | null {
  if (!contact) return null;
  return contact.name ?? contact.verifiedName ?? contact.notify;
}

/** Up to two letters for an avatar; a number gets a "#". */
export function initials(name: string): string {
  const words = name
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return '#';
  if (/^\d/.test(words[0] ?? '')) return '#';
  const letters =
    words.length === 1
      ? [...(words[0] ?? '')].slice(0, 2)
      : [words[0], words[1]].map((w) => [...(w ?? '')][0]);
  return letters.join('').toLocaleUpperCase();
}

/** A stable hue (0–359) for a name, so each person keeps their avatar colour. */
export function hueOf(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 360;
  return hash;
}

/** "14:05" in the user's locale and time zone. */
export function formatTime(iso: string, locale?: string, timeZone?: string): string {
  return dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(iso));
}

/**
 * "Today" or "Yesterday" in the locale's own words: Intl's relative time ("hoy", "אתמול"),
 * capitalised because it stands alone as a label.
 */
export function relativeDay(daysAgo: number, locale?: string): string {
  const word = relativeTimeFormat(locale, { numeric: 'auto' }).format(-daysAgo, 'day');
  return word.charAt(0).toLocaleUpperCase(locale) + word.slice(1);
}

/** For the chat list: the time today, "Yesterday", the weekday within a week, else the date. */
export function formatChatTime(iso: string, now = new Date(), locale?: string, timeZone?: string): string {
  const days = daysBetween(new Date(iso), now, timeZone);
  if (days <= 0) return formatTime(iso, locale, timeZone);
  if (days === 1) return relativeDay(1, locale);
  if (days < 7) return dateTimeFormat(locale, { weekday: 'long', timeZone }).format(new Date(iso));
  return dateTimeFormat(locale, { dateStyle: 'short', timeZone }).format(new Date(iso));
}

/** "2026-03-09" for the calendar day of an instant in a time zone (the user's by default). */
export function dayKey(date: Date, timeZone?: string): string {
  return cachedDayKey(date.getTime(), timeZone);
}

/** Whole calendar days from `from` to `to` in a time zone (0 = the same day). */
export function daysBetween(from: Date, to: Date, timeZone?: string): number {
  const a = Date.parse(`${dayKey(from, timeZone)}T00:00:00Z`);
  const b = Date.parse(`${dayKey(to, timeZone)}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/**
 * English byte sizes, kept for the composer's attachment preview until its own conversion (other
 * inbox screens use `formatBytes` from i18n/format, in the reader's number format and units).
 */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  const total = Math.max(0, Math.round(seconds));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
