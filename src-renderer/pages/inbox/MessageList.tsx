import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { AssignmentHistoryEntry } from '../../../src-shared/contract/assignment';
import type { Message } from '../../../src-shared/messages';
import { useTransport } from '../../stores/connection';
import { useAssignment } from '../../stores/assignment';
import { useChatAutomationRules } from '../../stores/automation-senders';
import { useConversation } from '../../stores/conversation';
import { useOutgoing, type Outgoing } from '../../stores/outgoing';
import { DaySeparator } from './DaySeparator';
import { estimateRowSize } from './estimate-row';
import {
  atEnd,
  distanceFromEnd,
  EDGE_PX,
  holdsChat,
  openingOffset,
  shouldLoadNewer,
  shouldLoadOlder,
} from '../../model/inbox/history';
import { AssignmentLine } from './assignment/AssignmentLine';
import { MessageBubble } from './MessageBubble';
import { OutgoingBubble } from './OutgoingBubble';
import { ScrollButtons, UnreadDivider } from './ScrollButtons';
import { firstUnread, newSince, type UnreadStart } from '../../model/inbox/unread';
import { useConversationRows } from './use-conversation-rows';
import { useLazyOverscan } from './use-lazy-overscan';

const NO_OUTGOING: Outgoing[] = [];
const NO_MESSAGES: Message[] = [];
const NO_HISTORY: AssignmentHistoryEntry[] = [];
const PADDING_PX = 12;
/**
 * Rows rendered beyond each side of the window, for a wheel step or a key press to land on; mounted
 * after the frame that scrolled there has painted (`useLazyOverscan`).
 */
const OVERSCAN = 6;

/**
 * The list's window as the last one measured it, for the next chat's first rows: the panes of two
 * chats are the same size but for a bar or two, and the overscan covers that much.
 */
let lastViewport: { width: number; height: number } | null = null;

/** The list's window before any was measured: the browser's. */
function initialWindow(): { width: number; height: number } {
  return { width: window.innerWidth, height: window.innerHeight };
}

/**
 * The conversation history, virtualised: only the rows near the viewport are in the DOM.
 * Scrolling up loads older pages and the virtualiser keeps the message under the reader in
 * place (anchorTo 'end'); at the bottom it follows new messages.
 */
export const MessageList = memo(function MessageList({
  chat,
  isGroup,
  authorOf,
  unreadAtOpen,
}: {
  /** The pane's chat (`chatKey`): until the store has opened it, nothing of another chat shows. */
  chat: string;
  isGroup: boolean;
  authorOf: (message: Message) => string;
  /** The chat's unread count when it was opened (reading it sets it to 0 at once). */
  unreadAtOpen: number;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const session = useConversation((state) => state.session);
  const jid = useConversation((state) => state.jid);
  // The pane mounts (or switches) while the store still holds the previous chat: its page would
  // be rendered, measured and thrown away before this chat's is even asked for (issue #23 target 7).
  const stale = useConversation((state) => !holdsChat(state, chat));
  const storeMessages = useConversation((state) => state.messages);
  const messages = stale ? NO_MESSAGES : storeMessages;
  const hasNewer = useConversation((state) => state.hasNewer);
  const hasOlder = useConversation((state) => state.hasOlder);
  const loading = useConversation((state) => state.loading);
  const loadingOlder = useConversation((state) => state.loadingOlder);
  const openedSeq = useConversation((state) => state.openedSeq);
  const highlight = useConversation((state) => state.highlight);
  const outgoing = useOutgoing((state) => (stale ? NO_OUTGOING : (state.outgoing[chat] ?? NO_OUTGOING)));
  const history = useAssignment((state) => (!stale && state.key === chat ? state.history : NO_HISTORY));
  // Read once here for every bubble: a subscription per bubble was two effects more in each row's
  // commit, for a label few messages carry (issue #23 target 7).
  const automationRules = useChatAutomationRules(session, jid);
  const scrollRef = useRef<HTMLDivElement>(null);
  const positioned = useRef(false);
  const [awayFromEnd, setAwayFromEnd] = useState(false);
  /** The newest message when the reader scrolled up: what came after it is counted as new. */
  const [lastSeenId, setLastSeenId] = useState<string | null>(null);
  const [dividerAbove, setDividerAbove] = useState(false);
  // Where the unread part starts is fixed when this chat's first page arrives (the page shown
  // before that may be the previous chat's), and stays while it is open, as in WhatsApp.
  const mountSeq = useRef(openedSeq);
  const divider = useRef<UnreadStart | null | undefined>(undefined);
  if (divider.current === undefined && openedSeq > mountSeq.current && !loading) {
    divider.current = firstUnread(messages, unreadAtOpen);
  }
  const unreadStart = divider.current ?? null;

  const rows = useConversationRows({
    messages,
    outgoing,
    history,
    hasOlder,
    hasNewer,
    isGroup,
    locale: intl.locale,
    unreadStart,
  });
  // Once per change of the rows, not per render: a wheel step renders the list, and a long chat's
  // rows are thousands (session 25).
  const dividerIndex = useMemo(() => rows.findIndex((row) => row.kind === 'unread'), [rows]);

  // The same functions while the rows stay: the virtualiser recomputes every row's position (all
  // 5,000 of a long chat) whenever `getItemKey` is a new function, and this list renders on every
  // scroll step that changes the rows in view (issue #23 target 7).
  // A text bubble's estimate is its height (estimate-row.ts), in the list's width as last measured.
  const estimateSize = useCallback(
    (index: number) => estimateRowSize(rows[index], (lastViewport ?? initialWindow()).width),
    [rows],
  );
  const getItemKey = useCallback((index: number) => rows[index]?.key ?? index, [rows]);
  // A frame renders the rows in the window and one each side; the rest of the overscan is mounted
  // once it has painted. At the opening that was about a third of the rows its frame mounted and
  // measured (session 19); on a wheel step past the window, half of the rows it mounted, and the
  // step's long tasks (session 25).
  const rangeExtractor = useLazyOverscan(getItemKey, OVERSCAN);
  const [firstFrame, setFirstFrame] = useState(true);
  const enabled = rows.length > 0;
  const initialRect = lastViewport ?? initialWindow();
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: OVERSCAN,
    rangeExtractor,
    paddingStart: PADDING_PX,
    paddingEnd: PADDING_PX,
    // Off until the chat's rows are here, so that its first offset is taken then: where the opening
    // starts (the newest message, or the unread divider), in the last list's window. The opening's
    // first commit then mounts the rows that stay on screen, without reading the layout first
    // (issue #23 target 7, session 19).
    enabled,
    initialRect,
    initialOffset: () =>
      openingOffset({
        sizes: rows.map((_, index) => estimateSize(index)),
        dividerIndex,
        viewport: initialRect.height,
        paddingStart: PADDING_PX,
        paddingEnd: PADDING_PX,
      }),
    anchorTo: 'end',
    followOnAppend: true,
    // The opening's own scroll to its first offset fires a scroll event in the frame that paints
    // the chat; the virtualiser re-renders on it (its "scrolling" flag flips), and synchronously,
    // which first ran every effect of the rows' commit (the message box's focus and height, the
    // side parts' subscriptions) inside that frame, before its paint. The rows are already where
    // that offset wants them, so until the opening's frame has painted the re-render takes its turn
    // after it (issue #23 target 7, session 21). A wheel step's re-render stays synchronous: the
    // frame must paint the rows it scrolls to.
    useFlushSync: !firstFrame,
  });

  // A new chat (or the newest page again): start at the newest message, or with unread ones at
  // their divider at the top of the screen.
  useLayoutEffect(() => {
    positioned.current = false;
    if (openedSeq === 0) return;
    const atDivider = rows.findIndex((row) => row.kind === 'unread');
    if (atDivider >= 0) virtualizer.scrollToIndex(atDivider, { align: 'start' });
    else virtualizer.scrollToEnd();
    const frame = requestAnimationFrame(() => {
      positioned.current = true;
      setFirstFrame(false);
    });
    return () => cancelAnimationFrame(frame);
    // Only when a page opens, not when rows change afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openedSeq, virtualizer]);

  // A jump (search hit, quoted message): bring it to the middle.
  const highlightIndex = highlight ? rows.findIndex((row) => row.key === highlight.id) : -1;
  useLayoutEffect(() => {
    if (!highlight || highlightIndex < 0) return;
    positioned.current = false;
    virtualizer.scrollToIndex(highlightIndex, { align: 'center' });
    const timer = setTimeout(() => (positioned.current = true), 300);
    return () => clearTimeout(timer);
    // Only when a jump happens, not when rows shift around the highlighted message.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [highlight?.seq, highlight?.id, highlightIndex >= 0, virtualizer]);

  // Sending from further up: go to the end to show the new bubble.
  const outgoingCount = outgoing.length;
  const previousOutgoing = useRef(outgoingCount);
  useEffect(() => {
    if (outgoingCount > previousOutgoing.current) virtualizer.scrollToEnd();
    previousOutgoing.current = outgoingCount;
  }, [outgoingCount, virtualizer]);

  // Where the reader is, from the virtualiser's own figures: it has just read the offset in its
  // scroll listener, and reading scrollHeight / scrollTop here again forced a second layout of the
  // feed on every scroll event (after the virtualiser's re-render had changed the rows), the
  // largest script cost of wheeling through older pages at 4× CPU throttling (issue #23 target 7).
  // A page is asked in a task after the scroll event, not inside it: the request and the render of
  // its "loading" state were a fifth of the script of each wheel step that reached a page's edge,
  // in the frame that step paints (session 25).
  const pageAsks = useRef(new Map<'older' | 'newer', ReturnType<typeof setTimeout>>());
  const askPage = (side: 'older' | 'newer') => {
    if (pageAsks.current.has(side)) return;
    const timer = setTimeout(() => {
      pageAsks.current.delete(side);
      const state = useConversation.getState();
      void (side === 'older' ? state.loadOlder(transport) : state.loadNewer(transport));
    }, 0);
    pageAsks.current.set(side, timer);
  };
  useEffect(() => {
    const asks = pageAsks.current;
    return () => {
      for (const timer of asks.values()) clearTimeout(timer);
      asks.clear();
    };
  }, [chat]);
  const check = () => {
    const element = scrollRef.current;
    if (!element || !positioned.current) return;
    const state = useConversation.getState();
    const scrollTop = virtualizer.scrollOffset ?? element.scrollTop;
    const viewport = virtualizer.scrollRect?.height ?? element.clientHeight;
    const distance = distanceFromEnd({
      totalSize: virtualizer.getTotalSize(),
      scrollOffset: scrollTop,
      viewport,
    });
    if (
      shouldLoadOlder({
        scrollTop,
        hasOlder: state.hasOlder,
        loading: state.loadingOlder || state.loading,
      })
    ) {
      askPage('older');
    }
    if (
      shouldLoadNewer({ distanceFromEnd: distance, hasNewer: state.hasNewer, loading: state.loadingNewer })
    ) {
      askPage('newer');
    }
    const away = distance > EDGE_PX * 1.5;
    setAwayFromEnd(away);
    setLastSeenId((seen) => (away ? (seen ?? state.messages.at(-1)?.id ?? null) : null));
    const dividerRow = dividerIndex >= 0 ? virtualizer.measurementsCache[dividerIndex] : undefined;
    setDividerAbove(dividerRow !== undefined && dividerRow.end < scrollTop);
  };
  const checkNow = useRef(check);
  useLayoutEffect(() => {
    checkNow.current = check;
  });
  // Listening here, not with onScroll: this listener is added after the virtualiser's (its layout
  // effect subscribes when it is enabled, i.e. when the first rows come), so it runs after it has
  // taken the new offset; React's onScroll ran first and would see the previous one.
  useEffect(() => {
    const element = scrollRef.current;
    if (!element || !enabled) return;
    const onScroll = () => checkNow.current();
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, [enabled]);

  // What loads around the list after its first page (the assignment bar, a banner) or grows (a
  // reply being written) makes it shorter, which hid the newest message under the composer by
  // that much (49 px at 1366×768, 91 px on a phone): the virtualiser keeps the end in place when
  // rows change, not when its window does. A reader at the newest message stays there; one who
  // was elsewhere (the unread divider, older messages) is not moved. The size is also kept for the
  // next chat's first rows (`lastViewport`).
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    let height: number | null = null;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const next = entry.contentRect.height;
      lastViewport = { width: entry.contentRect.width, height: next };
      if (height !== null && next < height && virtualizer.scrollOffset !== null) {
        const before = { totalSize: virtualizer.getTotalSize(), scrollOffset: virtualizer.scrollOffset };
        if (atEnd(distanceFromEnd({ ...before, viewport: height }))) virtualizer.scrollToEnd();
      }
      height = next;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [virtualizer]);

  // A page shorter than the window cannot be scrolled: load older ones until it fills. Runs after
  // every render, so it reads the virtualiser's sizes, not the element's: reading scrollHeight here
  // forced a layout of the feed on each render while scrolling (the largest script cost of a
  // scroll step in a profile at 4× CPU throttling; issue #23 target 7).
  // Judged on what this render showed, not on the store as it is when the effect runs: a chat's
  // page lands between the render of its empty "loading" list and that render's effect, which then
  // saw no rows, the page's `hasOlder` and no loading, and asked for an older page in the middle of
  // the opening (its answer rendered before the newest message was painted; issue #23 target 7).
  useEffect(() => {
    if (!enabled || !positioned.current || !hasOlder || loadingOlder || loading) return;
    const state = useConversation.getState();
    const element = scrollRef.current;
    const viewport = virtualizer.scrollRect?.height ?? element?.clientHeight;
    if (viewport !== undefined && virtualizer.getTotalSize() <= viewport + EDGE_PX) {
      void state.loadOlder(transport);
    }
  });

  const jumpToLatest = () => {
    if (useConversation.getState().hasNewer) void useConversation.getState().jumpToLatest(transport);
    else virtualizer.scrollToEnd({ behavior: 'smooth' });
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div className="message-list-wrap">
      {loadingOlder && (
        <p className="message-list__loading" role="status">
          <FormattedMessage id="inbox.messages.loadingOlder" />
        </p>
      )}
      <div ref={scrollRef} className="message-list">
        <div
          role="feed"
          aria-label={session && jid ? intl.formatMessage({ id: 'inbox.messages.label' }) : undefined}
          aria-busy={loading || loadingOlder}
          style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
        >
          {items.map((virtual) => {
            const row = rows[virtual.index];
            if (!row) return null;
            const out = row.kind === 'message' && row.item.fromMe;
            return (
              <div
                key={virtual.key}
                data-index={virtual.index}
                ref={virtualizer.measureElement}
                className={`message-row${row.kind !== 'message' || row.item.system ? ' message-row--day' : out ? ' message-row--out' : ''}`}
                style={{ transform: `translateY(${virtual.start}px)` }}
              >
                {row.kind === 'unread' ? (
                  <UnreadDivider count={row.count} />
                ) : row.kind === 'day' ? (
                  <DaySeparator label={row.label} />
                ) : row.item.message ? (
                  <MessageBubble
                    message={row.item.message}
                    showSender={row.showSender}
                    highlighted={highlight?.id === row.key}
                    query={highlight?.query ?? null}
                    authorOf={authorOf}
                    automationRule={automationRules?.[row.item.message.id]}
                  />
                ) : row.item.outgoing ? (
                  <OutgoingBubble item={row.item.outgoing} />
                ) : row.item.system ? (
                  <AssignmentLine entry={row.item.system} />
                ) : null}
              </div>
            );
          })}
        </div>
        {!loading && !stale && rows.length === 0 && (
          <p className="message-list__empty muted">
            <FormattedMessage id="inbox.messages.empty" />
          </p>
        )}
      </div>
      <ScrollButtons
        showLatest={awayFromEnd || hasNewer}
        newCount={newSince(messages, lastSeenId)}
        onLatest={jumpToLatest}
        unreadAbove={dividerAbove && unreadStart ? unreadStart.count : null}
        onFirstUnread={() => virtualizer.scrollToIndex(dividerIndex, { align: 'start', behavior: 'smooth' })}
      />
    </div>
  );
});
