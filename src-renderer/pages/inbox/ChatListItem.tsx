import { memo } from 'react';
import { useIntl } from 'react-intl';
import type { Chat } from '../../../src-shared/messages';
import type { Typing } from '../../stores/inbox';
import { EmojiText } from '../../components/emoji/EmojiText';
import { Avatar } from './Avatar';
import { InboxIcon } from './InboxIcon';
import { chatListPreview } from '../../i18n/message-preview';
import { chatKey, isMuted } from '../../model/inbox/chat-order';
import { draftPreview } from '../../model/drafts';
import { useDrafts } from '../../stores/drafts';
import { chatTitle, formatChatTime } from '../../model/inbox/format';
import { ChatListItemTagsSlot } from './organize-slots';
import { Ticks } from './Ticks';

/** One row of the chat list: who, when, the last message (with ticks) and the unread badge. */
export const ChatListItem = memo(function ChatListItem({
  chat,
  id,
  active,
  sessionName,
  typing,
  onOpen,
  selection,
}: {
  chat: Chat;
  id: string;
  active: boolean;
  /** Shown when the list mixes several numbers. */
  sessionName: string | null;
  typing: Typing | undefined;
  onOpen: (chat: Chat) => void;
  /** Select mode: a tick box replaces the avatar and a click (Shift: a range) ticks the chat. */
  selection: { checked: boolean; onToggle: (chat: Chat, range: boolean) => void } | null;
}) {
  const intl = useIntl();
  const title = chatTitle(chat);
  const last = chat.lastMessage;
  const unread = chat.unreadCount;
  // Like WhatsApp, an unsent draft replaces the last message, except in the chat being written in.
  const draft = useDrafts((state) =>
    active ? null : draftPreview(state.drafts[chatKey(chat.session, chat.jid)]),
  );
  return (
    <div
      id={id}
      role="option"
      aria-selected={selection ? selection.checked : active}
      className={`chat-item${active ? ' chat-item--active' : ''}${unread > 0 ? ' chat-item--unread' : ''}`}
      onClick={(event) => (selection ? selection.onToggle(chat, event.shiftKey) : onOpen(chat))}
    >
      {selection ? (
        <span className="chat-item__check">
          <input
            type="checkbox"
            tabIndex={-1}
            aria-label={intl.formatMessage({ id: 'inbox.item.select' }, { name: title })}
            checked={selection.checked}
            readOnly
          />
        </span>
      ) : (
        <Avatar name={title} session={chat.session} jid={chat.jid} />
      )}
      <div className="chat-item__body">
        <div className="chat-item__top">
          <span className="chat-item__title" dir="auto">
            <EmojiText text={title} />
          </span>
          {last && (
            <time dateTime={last.timestamp}>{formatChatTime(last.timestamp, undefined, intl.locale)}</time>
          )}
        </div>
        <div className="chat-item__bottom">
          {typing ? (
            <span className="chat-item__typing">
              <EmojiText
                text={intl.formatMessage({
                  id: typing.state === 'recording' ? 'inbox.recording' : 'inbox.typing',
                })}
              />
            </span>
          ) : draft !== null ? (
            <span className="chat-item__preview" dir="auto">
              <span className="chat-item__draft">{intl.formatMessage({ id: 'inbox-unread.draft' })}</span>{' '}
              <span className="chat-item__text">
                <EmojiText text={draft} />
              </span>
            </span>
          ) : (
            <span className="chat-item__preview" dir="auto">
              {last?.fromMe && <Ticks fromMe status={last.status} />}
              {/* Emoji as the bubbles draw them (Twemoji), not as boxes on PCs without an emoji font. */}
              <span className="chat-item__text">
                <EmojiText text={last ? chatListPreview(last, chat.kind, intl) : ''} />
              </span>
            </span>
          )}
          <span className="chat-item__marks">
            {chat.pinned && (
              <span
                role="img"
                aria-label={intl.formatMessage({ id: 'inbox.item.pinned' })}
                title={intl.formatMessage({ id: 'inbox.item.pinned' })}
              >
                <InboxIcon name="pin" size={15} />
              </span>
            )}
            {isMuted(chat) && (
              <span
                role="img"
                aria-label={intl.formatMessage({ id: 'inbox.item.muted' })}
                title={intl.formatMessage({ id: 'inbox.item.muted' })}
              >
                <InboxIcon name="muted" size={15} />
              </span>
            )}
            {unread > 0 && (
              <span
                className="unread-badge"
                aria-label={intl.formatMessage({ id: 'inbox.item.unread' }, { count: unread })}
              >
                {unread > 999
                  ? intl.formatMessage({ id: 'inbox.item.unreadMany' }, { count: 999 })
                  : intl.formatNumber(unread)}
              </span>
            )}
          </span>
        </div>
        {sessionName && <div className="chat-item__session">{sessionName}</div>}
        <ChatListItemTagsSlot session={chat.session} jid={chat.jid} />
      </div>
    </div>
  );
});
