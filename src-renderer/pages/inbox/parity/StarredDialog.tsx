import { useEffect, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import type { Chat, Message } from '../../../../src-shared/messages';
import { localMessagePreview } from '../../../i18n/message-preview';
import { chatKey } from '../../../model/inbox/chat-order';
import { chatTitle, formatChatTime, formatPhone } from '../../../model/inbox/format';
import { useTransport } from '../../../stores/connection';
import { useConversation } from '../../../stores/conversation';
import { useInbox } from '../../../stores/inbox';
import { describeError } from '../../../transport/rpc-error';
import { chatPath } from '../paths';
import { StarIcon } from './StarIcon';
import { useModalDialog } from '../../../components/use-modal-dialog';

type Scope = 'chat' | 'all';

/**
 * Starred messages, newest first (issue #19): of this chat, or of all chats (of the number the
 * inbox shows, or of every number). Choosing one closes the list and jumps to the message in its
 * chat (loading the history around it), highlighted.
 */
export function StarredDialog({ chat, onClose }: { chat: Chat; onClose: () => void }) {
  const intl = useIntl();
  const transport = useTransport();
  const ref = useModalDialog();
  const ids = useId();
  const navigate = useNavigate();
  const [scope, setScope] = useState<Scope>('chat');
  const inboxSession = useInbox((state) => state.filter.session);
  const chats = useInbox((state) => state.chats);
  const [items, setItems] = useState<Message[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const starredNow = useConversation((state) => state.messages.filter((m) => m.starred).length);

  // Read again when a star in the open chat changed (set here, by someone else or on the phone).
  useEffect(() => {
    let current = true;
    setItems(null);
    setError(null);
    const read =
      scope === 'chat'
        ? transport.call('stars.list', { session: chat.session, chat: chat.jid, limit: 100 })
        : transport.call('stars.recent', { session: inboxSession ?? undefined, limit: 100 });
    read
      .then((page) => current && setItems(page.items))
      .catch((caught: unknown) => current && setError(describeError(caught)));
    return () => {
      current = false;
    };
  }, [transport, chat.session, chat.jid, starredNow, scope, inboxSession]);

  const jump = (message: Message) => {
    onClose();
    if (message.session === chat.session && message.chat === chat.jid) {
      void useConversation.getState().jumpTo(transport, message.id, null);
    } else {
      navigate(chatPath(message.session, message.chat, message.id));
    }
  };
  /** In "All chats", which chat a message is in. */
  const chatNameOf = (message: Message) => {
    const known = chats[chatKey(message.session, message.chat)];
    return known ? chatTitle(known) : (formatPhone(message.chat.split('@')[0] ?? null) ?? message.chat);
  };

  return (
    <dialog
      ref={ref}
      className="inbox-dialog starred-dialog"
      aria-labelledby={`${ids}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={`${ids}-title`}>
        <FormattedMessage id="inbox-parity.starred.title" values={{ name: <bdi>{chatTitle(chat)}</bdi> }} />
      </h2>
      <div
        className="starred-dialog__scope"
        role="group"
        aria-label={intl.formatMessage({ id: 'inbox-parity.starred.scope' })}
      >
        {(['chat', 'all'] as const).map((value) => (
          <button
            key={value}
            type="button"
            className="filter-chip"
            aria-pressed={scope === value}
            onClick={() => setScope(value)}
          >
            <FormattedMessage
              id={value === 'chat' ? 'inbox-parity.starred.thisChat' : 'inbox-parity.starred.allChats'}
            />
          </button>
        ))}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : items === null ? (
        <p className="muted" role="status">
          <FormattedMessage id="inbox-parity.starred.loading" />
        </p>
      ) : items.length === 0 ? (
        <p className="muted starred-dialog__empty">
          <StarIcon filled={false} size={28} />
          <FormattedMessage
            id={scope === 'chat' ? 'inbox-parity.starred.empty' : 'inbox-parity.starred.emptyAll'}
          />
        </p>
      ) : (
        <ul className="inbox-dialog__list starred-dialog__list">
          {items.map((message) => (
            <li key={message.id}>
              <button type="button" className="starred-dialog__item" onClick={() => jump(message)}>
                {scope === 'all' && (
                  <span className="starred-dialog__chat">
                    <bdi>{chatNameOf(message)}</bdi>
                  </span>
                )}
                <span className="starred-dialog__who">
                  {message.fromMe
                    ? intl.formatMessage({ id: 'inbox.you' })
                    : (message.senderName ?? chatTitle(chat))}
                  <time dateTime={message.timestamp}>
                    {formatChatTime(message.timestamp, new Date(), intl.locale)}
                  </time>
                </span>
                <span className="starred-dialog__text" dir="auto">
                  {localMessagePreview(message, intl)}
                </span>
                <span className="visually-hidden">
                  <FormattedMessage id="inbox-parity.starred.jump" />
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row inbox-dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          <FormattedMessage id="inbox-parity.starred.close" />
        </button>
      </div>
    </dialog>
  );
}
