/**
 * Where a conversation's unread messages start, and how many arrived while the reader was
 * scrolled up: the "3 unread messages" divider and the count on the scroll-to-bottom button.
 * Pure, over the loaded messages oldest first.
 */

interface Readable {
  id: string;
  fromMe: boolean;
}

export interface UnreadStart {
  /** The first unread message: the divider goes above it. */
  id: string;
  /** What the divider says: the chat's unread count (some may be above the loaded page). */
  count: number;
}

/**
 * The first of the last `unread` messages from the customer: what they wrote since the chat was
 * last read (our own messages are never unread). When more are unread than are loaded, the
 * oldest loaded one from them starts the unread part. Null with nothing unread.
 */
export function firstUnread(messages: readonly Readable[], unread: number): UnreadStart | null {
  if (unread <= 0) return null;
  let seen = 0;
  let first: Readable | null = null;
  for (let i = messages.length - 1; i >= 0 && seen < unread; i--) {
    const message = messages[i];
    if (!message || message.fromMe) continue;
    seen++;
    first = message;
  }
  return first ? { id: first.id, count: unread } : null;
}

/** Rows of a conversation with the unread divider placed above the row of `start.id`. */
export function withUnreadDivider<Row extends { key: string }>(
  rows: readonly Row[],
  start: UnreadStart | null,
): (Row | { kind: 'unread'; key: 'unread'; count: number })[] {
  const at = start ? rows.findIndex((row) => row.key === start.id) : -1;
  if (!start || at < 0) return [...rows];
  return [...rows.slice(0, at), { kind: 'unread', key: 'unread', count: start.count }, ...rows.slice(at)];
}

/**
 * Messages from the customer that came after `lastSeenId` (the newest one when the reader
 * scrolled up): the count on the scroll-to-bottom button. 0 when the reader is at the end
 * (`lastSeenId` null) or the message is no longer loaded.
 */
export function newSince(messages: readonly Readable[], lastSeenId: string | null): number {
  if (lastSeenId === null) return 0;
  // From the newest end: the message is the newest one when the reader scrolled up, and older pages
  // (5,000 messages in a long chat) go on loading before it while the list renders on each wheel step.
  let count = 0;
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (message?.id === lastSeenId) return count;
    if (message && !message.fromMe) count += 1;
  }
  return 0;
}
