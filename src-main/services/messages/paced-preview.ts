import type { Actor } from '../../../src-shared/contract/people.js';
import type { Message } from '../../../src-shared/messages.js';
import type { SendMessageInput } from '../../../src-shared/send-schemas.js';

/**
 * A paced send as the caller and the conversation see it while it waits: the message as it will
 * be sent (its id is the one WhatsApp will get), `status: pending` and `sendAt`. Media and cards
 * are described by their kind only; the stored message replaces the preview when it is sent.
 */
export function pacedPreview(paced: {
  id: string;
  sessionId: string;
  jid: string;
  input: SendMessageInput;
  actor: Actor;
  now: number;
  sendAt: number;
}): Message {
  const { input } = paced;
  const text = 'text' in input ? input.text : 'caption' in input ? (input.caption ?? null) : null;
  return {
    id: paced.id,
    session: paced.sessionId,
    chat: paced.jid,
    fromMe: true,
    sender: null,
    senderName: null,
    type: input.type,
    text: text ?? (input.type === 'poll' ? input.name : null),
    media: null,
    content: null,
    quotedId: input.replyTo ?? null,
    mentions: input.mentions ?? [],
    status: 'pending',
    timestamp: new Date(paced.now).toISOString(),
    timestampUnix: Math.floor(paced.now / 1000),
    edited: false,
    revoked: false,
    forwarded: false,
    reactions: [],
    sentBy: paced.actor,
    sendAt: new Date(paced.sendAt).toISOString(),
  };
}
