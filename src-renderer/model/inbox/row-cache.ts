import { dayKey } from './format';
import { dayLabel, type ConversationRow, type RowOptions, type RowSource } from './day-rows';

/**
 * The conversation's rows built per item and kept, so an older page builds the rows of its own
 * 50 messages (and re-checks the one message at its seam), not the whole loaded history again
 * (issue #23 target 7: scrolling a 5,000-message chat cost more with every page).
 *
 * A message's rows depend only on the item itself and the one before it (is a day separator
 * above it? is the sender named?), so each item's rows are kept with the previous item they were
 * built after, and reused while that neighbour is the same object. The result equals
 * `buildRows` over the same items (model/inbox/row-cache.test.ts checks random histories).
 * Items must keep their identity while unchanged (MessageList keeps one per message).
 */
interface Built<T extends RowSource> {
  /** The item these rows follow (undefined: the first loaded one). */
  after: T | undefined;
  /** For the first item: whether a separator heads it (the history starts with it). */
  startsHistory: boolean;
  day: string;
  rows: ConversationRow<T>[];
}

export interface RowCache<T extends RowSource> {
  /** Rows rebuilt since the cache was made: what a page cost (tests and the bench read it). */
  built: number;
  signature: string;
  byItem: WeakMap<T, Built<T>>;
}

export function createRowCache<T extends RowSource>(): RowCache<T> {
  return { built: 0, signature: '', byItem: new WeakMap() };
}

/** Who a bubble counts as for naming the sender: consecutive bubbles of one sender share a name. */
function senderOf(item: RowSource): string {
  return item.fromMe ? 'me' : (item.sender ?? 'them');
}

/**
 * `buildRows(items, options)`, reusing `cache` for every item whose rows cannot have changed. The
 * cache is emptied when what every label depends on changes (language, zone, group, today's date:
 * "Today" must become "Yesterday" after midnight).
 */
export function buildRowsCached<T extends RowSource>(
  items: readonly T[],
  options: RowOptions,
  cache: RowCache<T>,
): ConversationRow<T>[] {
  const now = options.now ?? new Date();
  const signature = [options.isGroup, options.locale, options.timeZone, dayKey(now, options.timeZone)].join(
    '|',
  );
  if (signature !== cache.signature) {
    cache.signature = signature;
    cache.byItem = new WeakMap();
  }
  const startsHistory = options.startsHistory !== false;
  const rows: ConversationRow<T>[] = [];
  let previous: T | undefined;
  let previousDay: string | null = null;
  for (const item of items) {
    let built = cache.byItem.get(item);
    if (
      !built ||
      built.after !== previous ||
      (previous === undefined && built.startsHistory !== startsHistory)
    ) {
      built = buildOne(item, previous, previousDay, startsHistory, { ...options, now });
      cache.byItem.set(item, built);
      cache.built += built.rows.length;
    }
    for (const row of built.rows) rows.push(row);
    previous = item;
    previousDay = built.day;
  }
  return rows;
}

/** The rows of one item after `previous` (a day separator when the day changes, then its bubble). */
function buildOne<T extends RowSource>(
  item: T,
  previous: T | undefined,
  previousDay: string | null,
  startsHistory: boolean,
  options: RowOptions,
): Built<T> {
  const date = new Date(item.timestamp);
  const day = dayKey(date, options.timeZone);
  const rows: ConversationRow<T>[] = [];
  const separated = previous === undefined ? startsHistory : day !== previousDay;
  if (separated) rows.push({ kind: 'day', key: `day:${day}:${item.key}`, label: dayLabel(date, options) });
  const sender = senderOf(item);
  const previousSender = separated || previous === undefined ? null : senderOf(previous);
  rows.push({
    kind: 'message',
    key: item.key,
    item,
    showSender: options.isGroup && !item.fromMe && sender !== previousSender,
  });
  return { after: previous, startsHistory, day, rows };
}
