import { useEffect, useState } from 'react';
import { messagePreview, type Message } from '../../../src-shared/messages';
import { useTransport } from '../../stores/connection';
import { useConversation } from '../../stores/conversation';

const fetched = new Map<string, Message | null>();

/** The message a reply quotes: who wrote it and a line of it. Clicking jumps to the original. */
export function QuotedMessage({ message, authorOf }: { message: Message; authorOf: (m: Message) => string }) {
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
      aria-label={`Quoted message${original ? ` from ${authorOf(original)}` : ''}: go to the original`}
      onClick={() => void useConversation.getState().jumpTo(transport, quotedId)}
    >
      <span className="quoted__author">{original ? authorOf(original) : 'Message'}</span>
      <span className="quoted__text" dir="auto">
        {original ? messagePreview(original) : 'The original message is not stored here'}
      </span>
    </button>
  );
}
