import { dayKey, daysBetween, relativeDay } from './format';
import { dateTimeFormat } from './intl-cache';

/** What a conversation row needs to know about the message it shows. */
export interface RowSource {
  key: string;
  timestamp: string;
  fromMe: boolean;
  sender: string | null;
}

export type ConversationRow<T extends RowSource> =
  | { kind: 'day'; key: string; label: string }
  | { kind: 'message'; key: string; item: T; showSender: boolean };

export interface RowOptions {
  /** Groups name the sender above the first of their consecutive bubbles. */
  isGroup: boolean;
  /**
   * Whether the oldest loaded message starts its day. While older pages exist it may not, so no
   * separator goes above it; that also keeps the first row a message, which the scroll anchoring
   * of a prepended page relies on.
   */
  startsHistory?: boolean;
  now?: Date;
  locale?: string;
  timeZone?: string;
}

/** "Today", "Yesterday", the weekday within a week, else the full date, in the user's zone. */
export function dayLabel(
  date: Date,
  { now = new Date(), locale, timeZone }: Omit<RowOptions, 'isGroup'>,
): string {
  const days = daysBetween(date, now, timeZone);
  if (days === 0 || days === 1) return relativeDay(days, locale);
  if (days > 1 && days < 7) return dateTimeFormat(locale, { weekday: 'long', timeZone }).format(date);
  return dateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(date);
}

/**
 * Interleaves day separators with the messages (oldest first) and marks where a group sender's
 * name is shown: on their first bubble of a run, and again after each separator.
 *
 * The whole history at once: the reference for `buildRowsCached` (row-cache.ts), which the
 * conversation uses so an older page builds only its own rows.
 */
export function buildRows<T extends RowSource>(
  items: readonly T[],
  options: RowOptions,
): ConversationRow<T>[] {
  const rows: ConversationRow<T>[] = [];
  let currentDay: string | null = null;
  let previousSender: string | null = null;
  for (const item of items) {
    const date = new Date(item.timestamp);
    const day = dayKey(date, options.timeZone);
    if (day !== currentDay && (currentDay !== null || options.startsHistory !== false)) {
      // Keyed by the message it heads: a clock-skewed local message can repeat a day, and the key
      // must not depend on what is loaded above it (an older page would change it).
      rows.push({ kind: 'day', key: `day:${day}:${item.key}`, label: dayLabel(date, options) });
      previousSender = null;
    }
    currentDay = day;
    const sender = item.fromMe ? 'me' : (item.sender ?? 'them');
    rows.push({
      kind: 'message',
      key: item.key,
      item,
      showSender: options.isGroup && !item.fromMe && sender !== previousSender,
    });
    previousSender = sender;
  }
  return rows;
}
