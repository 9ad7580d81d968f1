import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Chat, Message } from '../../../src-shared/messages';
import { useTransport } from '../../stores/connection';
import { useConversation } from '../../stores/conversation';
import { describeError } from '../../transport/rpc-error';
import { Avatar } from './Avatar';
import { chatKey, chatQuery } from '../../model/inbox/chat-order';
import { chatTitle, formatPhone } from '../../model/inbox/format';
import { useModalDialog } from '../../components/use-modal-dialog';

/** Picks a chat of the same number to forward a message to. */
export function ForwardDialog({ message }: { message: Message }) {
  const intl = useIntl();
  const transport = useTransport();
  const ref = useModalDialog();
  const [query, setQuery] = useState('');
  const [chats, setChats] = useState<Chat[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => useConversation.getState().setForwarding(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      transport
        .call('chats.list', { session: message.session, q: chatQuery(query) || undefined, limit: 30 })
        .then((page) => current && setChats(page.items.filter((chat) => !chat.readOnly)))
        .catch((caught: unknown) => current && setError(describeError(caught)));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [transport, message.session, query]);

  const forward = async (chat: Chat) => {
    setBusy(true);
    try {
      await transport.call('messages.forward', {
        session: message.session,
        chat: message.chat,
        id: message.id,
        to: chat.jid,
      });
      useConversation
        .getState()
        .setNotice(intl.formatMessage({ id: 'inbox.forward.done' }, { name: chatTitle(chat) }));
      close();
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="inbox-dialog"
      aria-label={intl.formatMessage({ id: 'inbox.forward.label' })}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2>
        <FormattedMessage id="inbox.forward.title" />
      </h2>
      <input
        type="search"
        aria-label={intl.formatMessage({ id: 'inbox.forward.find' })}
        placeholder={intl.formatMessage({ id: 'inbox.forward.find' })}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul className="inbox-dialog__list" aria-label={intl.formatMessage({ id: 'inbox.list.chats' })}>
        {chats.map((chat) => (
          <li key={chatKey(chat.session, chat.jid)}>
            <button type="button" className="search-hit" disabled={busy} onClick={() => void forward(chat)}>
              <Avatar name={chatTitle(chat)} size={32} />
              <span className="search-hit__body">
                <span className="search-hit__title" dir="auto">
                  {chatTitle(chat)}
                </span>
                <bdi className="muted">{formatPhone(chat.phone) ?? chat.jid}</bdi>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="row inbox-dialog__actions">
        <button type="button" className="button button--secondary" onClick={close}>
          <FormattedMessage id="inbox.outgoing.cancel" />
        </button>
      </div>
    </dialog>
  );
}
