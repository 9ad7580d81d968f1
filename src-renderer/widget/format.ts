/** Pure text helpers of the widget (no DOM), unit-tested in Node. */
import { WIDGET_TEXTS, type WidgetTexts } from './texts';

/** Click-to-chat link; `?text=` only when there is something to prefill. */
export function whatsappLink(number: string, prefill?: string): string {
  const digits = number.replace(/\D/g, '');
  return prefill ? `https://wa.me/${digits}?text=${encodeURIComponent(prefill)}` : `https://wa.me/${digits}`;
}

/** Up to two letters standing in for a missing or broken operator photo ("Anna Maria Lee" → "AL"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  // Array.from splits by code point, so names starting with astral characters stay intact.
  const firstLetter = (word: string | undefined) => Array.from(word ?? '')[0] ?? '';
  const letters = firstLetter(words[0]) + (words.length > 1 ? firstLetter(words[words.length - 1]) : '');
  return letters.toUpperCase() || '?';
}

/**
 * When the next opening is, in the visitor's own clock and language: "today at 09:00",
 * "tomorrow at 09:00" or "Monday 09:00". `timeZone` defaults to the visitor's zone (for tests).
 */
export function describeOpening(
  at: Date,
  now: Date,
  timeZone?: string,
  texts: WidgetTexts = WIDGET_TEXTS.en!,
): string {
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  const time = new Intl.DateTimeFormat(texts.locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
  });
  const clock = time.format(at);
  if (day.format(at) === day.format(now)) return texts.today(clock);
  if (day.format(at) === day.format(new Date(now.getTime() + 86_400_000))) return texts.tomorrow(clock);
  const weekday = new Intl.DateTimeFormat(texts.locale, { timeZone, weekday: 'long' }).format(at);
  return texts.weekday(weekday, clock);
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** Colours end up in CSS, so anything but #rrggbb falls back rather than being injected. */
export function safeColor(color: unknown, fallback: string): string {
  return typeof color === 'string' && HEX_COLOR.test(color) ? color : fallback;
}

/** Images load only over https (no mixed content, no javascript:/data: tricks). */
export function safeImageUrl(url: unknown): string | undefined {
  return typeof url === 'string' && /^https:\/\/[^\s]+$/i.test(url) ? url : undefined;
}
