import { useMemo, useRef } from 'react';
import type { AssignmentHistoryEntry } from '../../../src-shared/contract/assignment';
import type { Message } from '../../../src-shared/messages';
import { mergeHistory } from '../../model/assignment/history-lines';
import { buildRowsCached, createRowCache } from '../../model/inbox/row-cache';
import { withUnreadDivider, type UnreadStart } from '../../model/inbox/unread';
import type { Outgoing } from '../../stores/outgoing';

export interface Item {
  key: string;
  timestamp: string;
  fromMe: boolean;
  sender: string | null;
  message?: Message;
  outgoing?: Outgoing;
  /** An assignment history entry, shown as a small system line. */
  system?: AssignmentHistoryEntry;
}

/** One row of the open conversation (`useConversationRows`). */
export type ConversationRowOf = ReturnType<typeof useConversationRows>[number];

/**
 * The open conversation's rows (day separators, bubbles, assignment lines, the unread divider).
 * Each message, send in flight and history entry keeps one item object while it is unchanged, so
 * the row cache (model/inbox/row-cache.ts) rebuilds only the rows of what changed: an older page
 * costs its own 50 rows, not the whole loaded history (issue #23 target 7).
 */
export function useConversationRows({
  messages,
  outgoing,
  history,
  hasOlder,
  hasNewer,
  isGroup,
  locale,
  unreadStart,
}: {
  messages: readonly Message[];
  outgoing: readonly Outgoing[];
  history: readonly AssignmentHistoryEntry[];
  hasOlder: boolean;
  hasNewer: boolean;
  isGroup: boolean;
  locale: string;
  unreadStart: UnreadStart | null;
}) {
  // Keyed by the store's own objects: a message replaced by an update gets a new item (and rows).
  const items = useRef(new WeakMap<object, Item>());
  const cache = useRef(createRowCache<Item>());

  return useMemo(() => {
    const itemOf = (source: object, make: () => Item): Item => {
      let item = items.current.get(source);
      if (!item) {
        item = make();
        items.current.set(source, item);
      }
      return item;
    };
    const list: Item[] = messages.map((message) =>
      itemOf(message, () => ({
        key: message.id,
        timestamp: message.timestamp,
        fromMe: message.fromMe,
        sender: message.sender,
        message,
      })),
    );
    if (!hasNewer && outgoing.length > 0) {
      const known = new Set(messages.map((message) => message.id));
      for (const sending of outgoing) {
        if (!known.has(sending.id)) {
          list.push(
            itemOf(sending, () => ({
              key: sending.id,
              timestamp: sending.timestamp,
              fromMe: true,
              sender: null,
              outgoing: sending,
            })),
          );
        }
      }
    }
    // fromMe keeps a system line from naming a group sender and restarts the next sender's run.
    const withLines = mergeHistory(
      list,
      history,
      (entry) =>
        itemOf(entry, () => ({
          key: `assignment:${entry.id}`,
          timestamp: entry.at,
          fromMe: true,
          sender: null,
          system: entry,
        })),
      { hasOlder, hasNewer },
    );
    return withUnreadDivider(
      buildRowsCached(withLines, { isGroup, startsHistory: !hasOlder, locale }, cache.current),
      unreadStart,
    );
  }, [messages, outgoing, history, hasNewer, hasOlder, isGroup, locale, unreadStart]);
}
