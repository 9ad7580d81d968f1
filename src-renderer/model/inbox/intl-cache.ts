/**
 * Intl formatters made once per locale, zone and options, and each instant's calendar day
 * remembered. Building an `Intl.DateTimeFormat` costs far more than formatting with one; the
 * conversation built one per message for its day separators (`dayKey`), and rebuilt every row
 * of the loaded history on each older page: thousands of constructions in one task while
 * scrolling a long chat, on a 4× slower CPU well over 50 ms (issue #23 target 7, case 14).
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

export function dateTimeFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

export function relativeTimeFormat(
  locale: string | undefined,
  options: Intl.RelativeTimeFormatOptions,
): Intl.RelativeTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = relativeFormats.get(key);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, options);
    relativeFormats.set(key, format);
  }
  return format;
}

/** Days already computed, by zone and instant; cleared when large (a long session's scrolling). */
const days = new Map<string, string>();
const MAX_DAYS = 50_000;

/** "2026-03-09" for the calendar day of an instant (ms) in a time zone (the user's by default). */
export function cachedDayKey(time: number, timeZone: string | undefined): string {
  const key = `${timeZone ?? ''}|${time}`;
  let day = days.get(key);
  if (day === undefined) {
    const parts = dateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone,
    }).formatToParts(time);
    const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
    day = `${get('year')}-${get('month')}-${get('day')}`;
    if (days.size >= MAX_DAYS) days.clear();
    days.set(key, day);
  }
  return day;
}
