import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { Message } from '../../../src-shared/messages';
import { localMessagePreview } from '../../i18n/message-preview';
import { useTransport } from '../../stores/connection';
import { useConversation } from '../../stores/conversation';

const fetched = new Map<string, Message | null>();

/** The message a reply quotes: who wrote it and a line of it. Clicking jumps to the original. */
export function QuotedMessage({ message, authorOf }: { message: Message; authorOf: (m: Message) => string }) {
  const intl = useIntl();
  const transport = useTransport();
  const quotedId = message.quotedId ?? '';
  const loaded = useConversation((state) => state.messages.find((m) => m.id === quotedId) ?? null);
  const key = `${message.session}|${message.chat}|${quotedId}`;
  const [remote, setRemote] = useState<Message | null>(fetched.get(key) ?? null);

  useEffect(() => {
    if (loaded || !quotedId || fetched.has(key)) return;
    let current = true;
    transport
      .call('messages.get', { session: message.session, chat: message.chat, id: quotedId })
      .catch(() => null)
      .then((found) => {
        fetched.set(key, found);
        if (current) setRemote(found);
      });
    return () => {
      current = false;
    };
  }, [transport, loaded, key, quotedId, message.session, message.chat]);

  const original = loaded ?? remote;
  return (
    <button
      type="button"
      className="quoted"
      aria-label={
        original
          ? intl.formatMessage({ id: 'inbox.quoted.labelFrom' }, { author: authorOf(original) })
          : intl.formatMessage({ id: 'inbox.quoted.label' })
      }
      onClick={() => void useConversation.getState().jumpTo(transport, quotedId)}
    >
      <span className="quoted__author">
        {original ? authorOf(original) : intl.formatMessage({ id: 'inbox.quoted.message' })}
      </span>
      <span className="quoted__text" dir="auto">
        {original ? localMessagePreview(original, intl) : intl.formatMessage({ id: 'inbox.quoted.missing' })}
      </span>
    </button>
  );
}
