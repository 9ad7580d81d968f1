import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { Chat } from '../../../src-shared/messages';
import { useTransport } from '../../stores/connection';
import { useConversation } from '../../stores/conversation';
import { useInbox } from '../../stores/inbox';
import { describeError } from '../../transport/rpc-error';
import { Avatar } from './Avatar';
import { DisappearingNote } from './DisappearingNote';
import { DisappearingMenu } from './DisappearingTimer';
import { ExportChatButton } from './ExportChat';
import { ChatMenu } from './parity/ChatMenu';
import { ContactPresenceLine } from './parity/ContactPresenceLine';
import { InboxIcon } from './InboxIcon';
import { chatKey, isMuted } from '../../model/inbox/chat-order';
import { chatTitle, formatPhone } from '../../model/inbox/format';

const MUTE_FOR_MS = 8 * 60 * 60 * 1000;

/** Who the chat is with, whether they are typing, the number it came in on, and chat actions. */
export function ConversationHeader({
  chat,
  sessionName,
  panelOpen,
  onTogglePanel,
  onBack,
  onLeaveUnread,
  holdRead,
}: {
  chat: Chat;
  sessionName: string | null;
  panelOpen: boolean;
  onTogglePanel: () => void;
  onBack: () => void;
  /** Marked unread: close the chat without reading it again. */
  onLeaveUnread: () => void;
  /** Stops (true) or lets again (false) the open chat mark itself read. */
  holdRead: (hold: boolean) => void;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const typing = useInbox((state) => state.typing[chatKey(chat.session, chat.jid)]);
  const title = chatTitle(chat);
  const muted = isMuted(chat);

  const call = async (change: {
    pinned?: boolean;
    archived?: boolean;
    mutedUntil?: string | null;
    unread?: true;
  }): Promise<Chat | null> => {
    try {
      return await transport.call('chats.update', { session: chat.session, chat: chat.jid, ...change });
    } catch (error) {
      useConversation.getState().setNotice(describeError(error));
      return null;
    }
  };
  const update = async (change: { pinned?: boolean; archived?: boolean; mutedUntil?: string | null }) => {
    const updated = await call(change);
    if (updated) useInbox.getState().applyChat(updated);
  };

  // As in WhatsApp the chat closes: left open, it would be read (and marked read) again at once,
  // so the pane is told to leave before the list learns the chat is unread.
  // The chat.updated event can arrive before the answer: reading is held from the start, or the
  // still-open chat would see itself unread and mark itself read again.
  const markUnread = async () => {
    holdRead(true);
    const updated = await call({ unread: true });
    if (!updated) {
      holdRead(false);
      return;
    }
    onLeaveUnread();
    useInbox.getState().applyChat(updated);
  };
  const markUnreadLabel = intl.formatMessage({ id: 'inbox-unread.markUnread' });

  // Once per chat, not on each of the header's renders while the chat opens (libphonenumber parses
  // the number each time: 3–4 ms an opening at 4× CPU throttling; issue #23 target 7).
  const phone = useMemo(() => formatPhone(chat.phone), [chat.phone]);
  const subtitle = typing
    ? intl.formatMessage({ id: typing.state === 'recording' ? 'inbox.recording' : 'inbox.typing' })
    : sessionName
      ? intl.formatMessage(
          { id: 'inbox.header.via' },
          { phone: phone ?? '', session: sessionName, hasPhone: phone ? 'yes' : 'no' },
        )
      : (phone ?? '');

  return (
    <header className="conversation__header">
      <button
        type="button"
        className="inbox-btn conversation__back"
        aria-label={intl.formatMessage({ id: 'inbox.header.back' })}
        onClick={onBack}
      >
        <InboxIcon name="back" />
      </button>
      <button
        type="button"
        className="conversation__who"
        aria-label={intl.formatMessage({ id: 'inbox.header.about' }, { name: title })}
        aria-expanded={panelOpen}
        aria-controls="contact-panel"
        onClick={onTogglePanel}
      >
        <Avatar name={title} size={40} session={chat.session} jid={chat.jid} />
        <span className="conversation__names">
          <h2 dir="auto">{title}</h2>
          <span className={typing ? 'conversation__typing' : 'muted'} aria-live="polite">
            {subtitle}
          </span>
          <ContactPresenceLine chat={chat} />
          <DisappearingNote chat={chat} />
        </span>
      </button>
      <div className="conversation__tools">
        <button
          type="button"
          className="inbox-btn"
          aria-pressed={chat.pinned}
          aria-label={intl.formatMessage({ id: chat.pinned ? 'inbox.header.unpin' : 'inbox.header.pin' })}
          title={intl.formatMessage({ id: chat.pinned ? 'inbox.header.unpin' : 'inbox.header.pin' })}
          onClick={() => void update({ pinned: !chat.pinned })}
        >
          <InboxIcon name="pin" />
        </button>
        <button
          type="button"
          className="inbox-btn"
          aria-pressed={muted}
          aria-label={intl.formatMessage(
            { id: muted ? 'inbox.header.unmute' : 'inbox.header.mute' },
            { hours: 8 },
          )}
          title={intl.formatMessage(
            { id: muted ? 'inbox.header.unmute' : 'inbox.header.mute' },
            { hours: 8 },
          )}
          onClick={() =>
            void update({ mutedUntil: muted ? null : new Date(Date.now() + MUTE_FOR_MS).toISOString() })
          }
        >
          <InboxIcon name="muted" />
        </button>
        <button
          type="button"
          className="inbox-btn"
          aria-pressed={chat.archived}
          aria-label={intl.formatMessage({
            id: chat.archived ? 'inbox.header.unarchive' : 'inbox.header.archive',
          })}
          title={intl.formatMessage({
            id: chat.archived ? 'inbox.header.unarchive' : 'inbox.header.archive',
          })}
          onClick={() => void update({ archived: !chat.archived })}
        >
          <InboxIcon name="archive" />
        </button>
        <button
          type="button"
          className="inbox-btn"
          aria-label={markUnreadLabel}
          title={markUnreadLabel}
          onClick={() => void markUnread()}
        >
          <InboxIcon name="markUnread" />
        </button>
        <DisappearingMenu chat={chat} />
        <ExportChatButton chat={chat} />
        <ChatMenu chat={chat} onDeleted={onBack} />
        <button
          type="button"
          className="inbox-btn"
          aria-label={intl.formatMessage({ id: 'inbox.contact.title' })}
          title={intl.formatMessage({ id: 'inbox.contact.title' })}
          aria-pressed={panelOpen}
          onClick={onTogglePanel}
        >
          <InboxIcon name="info" />
        </button>
      </div>
    </header>
  );
}
