import type { ChatStatus } from '../../../src-shared/contract/assignment';
import type { Chat } from '../../../src-shared/messages';
import { ALL_VIEW, DEFAULT_STATUS, type InboxView } from '../assignment/views';

/** How the chat list is ordered: newest activity first, or chats with unread messages first. */
export type ChatSort = 'recent' | 'unread';

/** What the chat list shows. `session: null` means every linked number. */
export interface ChatFilter {
  session: string | null;
  unread: boolean;
  groups: boolean;
  /** Channels (newsletters) only: followed ones read-only, owned ones with a composer. */
  channels: boolean;
  archived: boolean;
  /** Mine / Unassigned / a team / All (issue #16); the server filters, events move chats live. */
  view: InboxView;
  /** Open by default; null shows every status. */
  status: ChatStatus | null;
}

export const DEFAULT_FILTER: ChatFilter = {
  session: null,
  unread: false,
  groups: false,
  channels: false,
  archived: false,
  view: ALL_VIEW,
  status: DEFAULT_STATUS,
};

/** One chat across every session: the same customer can write to two of the business's numbers. */
export function chatKey(session: string, jid: string): string {
  return `${session}|${jid}`;
}

function lastActivity(chat: Pick<Chat, 'lastMessage'>): number {
  return chat.lastMessage ? Date.parse(chat.lastMessage.timestamp) : 0;
}

/** Pinned first, then (when sorting by unread) unread first, then the newest activity. */
export function compareChats(a: Chat, b: Chat, sort: ChatSort): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  if (sort === 'unread') {
    const unreadA = a.unreadCount > 0;
    const unreadB = b.unreadCount > 0;
    if (unreadA !== unreadB) return unreadA ? -1 : 1;
  }
  const byTime = lastActivity(b) - lastActivity(a);
  if (byTime !== 0) return byTime;
  const keyA = chatKey(a.session, a.jid);
  const keyB = chatKey(b.session, b.jid);
  return keyA < keyB ? 1 : keyA > keyB ? -1 : 0;
}

export function matchesFilter(chat: Chat, filter: ChatFilter): boolean {
  if (filter.session && chat.session !== filter.session) return false;
  if (filter.unread && chat.unreadCount === 0) return false;
  if (filter.groups && chat.kind !== 'group') return false;
  // Channels only under their own filter: All, Mine, Unassigned and a team are the
  // conversations (as their counts and the server's list).
  if (filter.channels !== (chat.kind === 'newsletter')) return false;
  return chat.archived === filter.archived;
}

/** The keys of the chats to show, in display order. */
export function orderChats(
  chats: Iterable<Chat>,
  filter: ChatFilter,
  sort: ChatSort,
  only?: ReadonlySet<string> | null,
): string[] {
  const visible: Chat[] = [];
  for (const chat of chats) {
    if (!matchesFilter(chat, filter)) continue;
    if (only && !only.has(chatKey(chat.session, chat.jid))) continue;
    visible.push(chat);
  }
  visible.sort((a, b) => compareChats(a, b, sort));
  return visible.map((chat) => chatKey(chat.session, chat.jid));
}

export function isMuted(chat: Pick<Chat, 'mutedUntil'>, now = Date.now()): boolean {
  return chat.mutedUntil !== null && Date.parse(chat.mutedUntil) > now;
}

/**
 * What to send to chats.list for a search box entry: a number typed with spaces, dashes or a
 * leading + is matched on its digits (JIDs hold digits only).
 */
export function chatQuery(input: string): string {
  const trimmed = input.trim();
  if (/^[+\d\s().-]+$/.test(trimmed) && /\d/.test(trimmed)) return trimmed.replace(/\D/g, '');
  return trimmed;
}
