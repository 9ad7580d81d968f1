import type { Message } from '../../../src-shared/messages';
import { chatKey } from './chat-order';

/** One page of messages.page; the server never returns more than this. */
export const PAGE_SIZE = 50;

/** Start of the viewport within this many pixels of the top/end counts as "at" it. */
export const EDGE_PX = 400;

/** Parsed times, once per message object: a page merge compares thousands of loaded messages. */
const parsedTimes = new WeakMap<Message, number>();

function time(message: Message): number {
  let parsed = parsedTimes.get(message);
  if (parsed === undefined) {
    parsed = Date.parse(message.timestamp);
    parsedTimes.set(message, parsed);
  }
  return parsed;
}

function inTimeOrder(messages: readonly Message[]): boolean {
  for (let i = 1; i < messages.length; i++) if (time(messages[i - 1]!) > time(messages[i]!)) return false;
  return true;
}

/**
 * Adds messages to the loaded history: oldest first, each message once (the newer copy of a
 * message wins, so an edit or ack that raced the page is kept). `incoming` is oldest first.
 *
 * WhatsApp times have whole seconds, so several messages often share one. Their order is the
 * order they were stored in (the server pages in that order), so ties are never re-sorted:
 * an older page goes before what is loaded, newer and live messages after it.
 */
export function mergeMessages(
  current: readonly Message[],
  incoming: readonly Message[],
  side: 'older' | 'newer' = 'newer',
): Message[] {
  const byId = new Map<string, Message>(incoming.map((message) => [message.id, message]));
  const kept = current.map((message) => {
    const update = byId.get(message.id);
    byId.delete(message.id);
    return update ? newerCopy(message, update) : message;
  });
  const added = incoming.filter((message) => byId.has(message.id));
  const merged = side === 'older' ? [...added, ...kept] : [...kept, ...added];
  // Usually already in order (a page goes at its end): one pass instead of a sort.
  if (inTimeOrder(merged)) return merged;
  // Array.prototype.sort is stable: equal times keep the order above.
  return merged.sort((a, b) => time(a) - time(b));
}

/** Of two copies of a message, the one that knows more (status never moves back). */
function newerCopy(a: Message, b: Message): Message {
  const rank = ['error', 'pending', 'server', 'delivered', 'read', 'played'];
  const status = rank.indexOf(a.status) > rank.indexOf(b.status) ? a.status : b.status;
  return { ...b, status, revoked: a.revoked || b.revoked, edited: a.edited || b.edited };
}

/**
 * Whether the conversation store holds the pane's chat (`chatKey`). A pane mounts while the store
 * still holds the chat opened before, until its layout effect opens this one: what the store
 * holds then is not this chat's and is not rendered (issue #23 target 7).
 */
export function holdsChat(store: { session: string | null; jid: string | null }, chat: string): boolean {
  return store.session !== null && store.jid !== null && chatKey(store.session, store.jid) === chat;
}

/**
 * How far the reader is from the end of the loaded history, from the virtualiser's figures (its
 * total size, the offset its scroll listener read, the viewport it observes) rather than the
 * element's scrollHeight, which forced a layout on every scroll event (issue #23 target 7).
 * Like scrollHeight − scrollTop − clientHeight, never below 0 (a history shorter than the window).
 */
export function distanceFromEnd(view: { totalSize: number; scrollOffset: number; viewport: number }): number {
  return Math.max(0, view.totalSize - view.scrollOffset - view.viewport);
}

/** Whether the reader is at the newest message: within a few pixels of the end (sizes round). */
export function atEnd(distanceFromEnd: number): boolean {
  return distanceFromEnd <= 8;
}

/** Whether scrolling has come close enough to the loaded top to fetch the previous page. */
export function shouldLoadOlder(state: {
  scrollTop: number;
  hasOlder: boolean;
  loading: boolean;
  edgePx?: number;
}): boolean {
  return state.hasOlder && !state.loading && state.scrollTop < (state.edgePx ?? EDGE_PX);
}

/** Whether scrolling has come close to the loaded end while newer messages are not loaded. */
export function shouldLoadNewer(state: {
  distanceFromEnd: number;
  hasNewer: boolean;
  loading: boolean;
  edgePx?: number;
}): boolean {
  return state.hasNewer && !state.loading && state.distanceFromEnd < (state.edgePx ?? EDGE_PX);
}

/**
 * Where the list's scroll starts when a chat's rows first render, from the rows' estimated sizes:
 * the unread divider at the top of the window, or else the newest message at its bottom. The
 * virtualiser renders the rows at this offset in the opening's first commit; starting at 0 it
 * mounted and measured the page's oldest rows first, then the newest after the scroll to the end
 * had landed, about twice the rows of an opening (issue #23 target 7, session 19).
 */
export function openingOffset(view: {
  sizes: readonly number[];
  dividerIndex: number;
  viewport: number;
  paddingStart: number;
  paddingEnd: number;
}): number {
  let before = view.paddingStart;
  let total = view.paddingStart + view.paddingEnd;
  view.sizes.forEach((size, index) => {
    if (index < view.dividerIndex) before += size;
    total += size;
  });
  const end = Math.max(0, total - view.viewport);
  return view.dividerIndex >= 0 ? Math.min(before, end) : end;
}
