import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { useMatch, useNavigate } from 'react-router-dom';
import type { Chat } from '../../../src-shared/messages';
import type { Session } from '../../../src-shared/model';
import { useTransport } from '../../stores/connection';
import { useChatSelection } from '../../stores/chat-selection';
import { useConversation } from '../../stores/conversation';
import { useInbox } from '../../stores/inbox';
import { chatKey } from '../../model/inbox/chat-order';
import { measureShownRow } from '../../components/measure-shown-row';
import { ChatListItem } from './ChatListItem';
import { dropHeldKeys, holdKeysFor } from './composer/keys-before-focus';
import { openOnPage } from './open-on-page';
import { CHAT_ROUTE, chatPath } from './paths';
import { useStable } from './use-stable';

const ROW_HEIGHT = 76;

/**
 * The chat list: a virtualised listbox (only the visible rows are in the DOM, so 10,000 chats
 * cost the same as 20). Rows are measured, so a row may grow (tag chips). Arrow keys move between chats; the next page loads near the end.
 */
export function ChatList({ sessions }: { sessions: Session[] }) {
  // The open chat, from the URL: the list follows it without its pane rendering again.
  const match = useMatch(CHAT_ROUTE);
  const activeKey =
    match?.params.session && match.params.jid ? chatKey(match.params.session, match.params.jid) : null;
  const intl = useIntl();
  const transport = useTransport();
  const navigate = useNavigate();
  const order = useInbox((state) => state.order);
  const chats = useInbox((state) => state.chats);
  const typing = useInbox((state) => state.typing);
  const hasMore = useInbox((state) => state.hasMore);
  const loading = useInbox((state) => state.loading);
  const loadMore = useInbox((state) => state.loadMore);
  const scrollRef = useRef<HTMLDivElement>(null);
  const selecting = useChatSelection((state) => state.selecting);
  const selected = useChatSelection((state) => state.selected);
  const toggle = useCallback((chat: Chat, range: boolean) => {
    const key = chatKey(chat.session, chat.jid);
    const selection = useChatSelection.getState();
    if (range) selection.selectRange(useInbox.getState().order, key);
    else selection.toggle(key);
  }, []);

  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => order[index] ?? index,
    measureElement: measureShownRow,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loading && lastIndex >= order.length - 20) void loadMore(transport);
  }, [hasMore, loading, lastIndex, order.length, loadMore, transport]);

  // Shown again (on a phone the list is hidden while a chat is open), the virtualiser reads the
  // list's scroll position anew: one that changed as it was hidden (a tap on a row half in view
  // scrolls it in) was read as past the end of a list 0 high, and it went on rendering the top
  // rows over a list scrolled elsewhere, empty until the next scroll (session 20). A scroll event
  // is how it reads the position; the layout is done when a resize observer runs.
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    let hidden = false;
    const observer = new ResizeObserver(([entry]) => {
      const height = entry?.contentRect.height ?? 0;
      if (hidden && height > 0 && virtualizer.scrollOffset !== element.scrollTop) {
        element.dispatchEvent(new Event('scroll'));
      }
      hidden = height === 0;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [virtualizer]);

  // A chat opened with the arrow keys leaves the focus in the list, so the next key moves on.
  // Its first page is asked for here, before the route's render (the pane's open takes it): that
  // render took ~150–200 ms at 4× CPU throttling before the page left (issue #23 target 7); a
  // click then opens the chat with its rows in one frame (open-on-page.ts).
  // One function for the list's life: the router's `navigate` is a new one on every path, and
  // with it every row on screen rendered again in each opening (session 19).
  // Keys typed right after a click are held until the chat's message box takes the focus
  // (keys-before-focus.ts); a chat opened from the keyboard, or the one already open, takes none.
  const open = useStable((chat: Chat, byKeyboard = false) => {
    const key = chatKey(chat.session, chat.jid);
    if (byKeyboard || key === activeKey) dropHeldKeys();
    else holdKeysFor(key);
    const page = useConversation.getState().preopen(transport, chat.session, chat.jid);
    openOnPage(byKeyboard ? null : page, () => {
      void navigate(
        chatPath(chat.session, chat.jid),
        byKeyboard ? { state: { keepListFocus: true } } : undefined,
      );
    });
  });
  const activeIndex = activeKey ? order.indexOf(activeKey) : -1;
  const sessionNames = sessions.length > 1 ? new Map(sessions.map((s) => [s.id, s.name])) : null;

  const onKeyDown = (event: KeyboardEvent) => {
    // Enter: on to the open chat's message box, as in WhatsApp.
    if (event.key === 'Enter' && activeKey) {
      event.preventDefault();
      focusMessageBox();
      return;
    }
    let index: number | null = null;
    if (event.key === 'ArrowDown') index = activeIndex + 1;
    else if (event.key === 'ArrowUp') index = activeIndex === -1 ? 0 : activeIndex - 1;
    else if (event.key === 'Home') index = 0;
    else if (event.key === 'End') index = order.length - 1;
    if (index === null) return;
    event.preventDefault();
    index = Math.max(0, Math.min(order.length - 1, index));
    const chat = chats[order[index] ?? ''];
    if (!chat) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    open(chat, true);
  };

  return (
    <div
      ref={scrollRef}
      className="chat-list"
      role="listbox"
      aria-label={intl.formatMessage({ id: 'inbox.list.chats' })}
      aria-multiselectable={selecting || undefined}
      tabIndex={0}
      aria-activedescendant={activeIndex >= 0 && activeKey ? optionId(activeIndex) : undefined}
      onKeyDown={onKeyDown}
    >
      <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const key = order[item.index] ?? '';
          const chat = chats[key];
          if (!chat) return null;
          return (
            <div
              key={item.key}
              role="presentation"
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="chat-list__row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <ChatListItem
                chat={chat}
                id={optionId(item.index)}
                active={key === activeKey}
                sessionName={sessionNames?.get(chat.session) ?? null}
                typing={typing[key]}
                onOpen={open}
                selection={selecting ? { checked: selected.includes(key), onToggle: toggle } : null}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** The open conversation's message box (there is one at most; found by class, its label is translated). */
function focusMessageBox(): void {
  document.querySelector<HTMLTextAreaElement>('.conversation textarea.composer__input')?.focus();
}

function optionId(index: number): string {
  return `chat-option-${index}`;
}
