import { useEffect, useId, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Chat, Message } from '../../../../src-shared/messages';
import { localMessagePreview } from '../../../i18n/message-preview';
import { chatTitle, formatChatTime } from '../../../model/inbox/format';
import { useTransport } from '../../../stores/connection';
import { useConversation } from '../../../stores/conversation';
import { describeError } from '../../../transport/rpc-error';
import { StarIcon } from './StarIcon';

/**
 * The chat's starred messages, newest first (issue #19): choosing one closes the list and jumps to
 * the message in the chat (loading the history around it), highlighted.
 */
export function StarredDialog({ chat, onClose }: { chat: Chat; onClose: () => void }) {
  const intl = useIntl();
  const transport = useTransport();
  const ref = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [items, setItems] = useState<Message[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const starredNow = useConversation((state) => state.messages.filter((m) => m.starred).length);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // Read again when a star in the open chat changed (set here, by someone else or on the phone).
  useEffect(() => {
    let current = true;
    transport
      .call('stars.list', { session: chat.session, chat: chat.jid, limit: 100 })
      .then((page) => current && setItems(page.items))
      .catch((caught: unknown) => current && setError(describeError(caught)));
    return () => {
      current = false;
    };
  }, [transport, chat.session, chat.jid, starredNow]);

  const jump = (message: Message) => {
    onClose();
    void useConversation.getState().jumpTo(transport, message.id, null);
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
          <FormattedMessage id="inbox-parity.starred.empty" />
        </p>
      ) : (
        <ul className="inbox-dialog__list starred-dialog__list">
          {items.map((message) => (
            <li key={message.id}>
              <button type="button" className="starred-dialog__item" onClick={() => jump(message)}>
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
