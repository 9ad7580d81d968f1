import { UNKNOWN_LAST_MESSAGE, type Chat, type Message } from '../../src-shared/messages';

/** A chat for UI tests: a one-to-one chat of session "shop", read, with no last message. */
export function testChat(overrides: Partial<Chat> & { jid: string }): Chat {
  return {
    session: 'shop',
    kind: 'user',
    name: null,
    phone: null,
    unreadCount: 0,
    lastMessage: null,
    archived: false,
    pinned: false,
    mutedUntil: null,
    readOnly: false,
    ephemeralSeconds: 0,
    ...overrides,
  };
}

/** A chat's last message for UI tests: a received text (`text` is also its English preview). */
export function testLastMessage(
  timestamp: string,
  text: string,
  overrides: Partial<NonNullable<Chat['lastMessage']>> = {},
): NonNullable<Chat['lastMessage']> {
  return {
    id: text || timestamp,
    preview: text,
    fromMe: false,
    status: null,
    timestamp,
    ...UNKNOWN_LAST_MESSAGE,
    type: 'text',
    text,
    ...overrides,
  };
}

/** A received text message for UI tests (its text is its id unless given). */
export function testMessage(id: string, timestamp: string, overrides: Partial<Message> = {}): Message {
  return {
    id,
    session: 'shop',
    chat: '1@s.whatsapp.net',
    fromMe: false,
    sender: '1@s.whatsapp.net',
    senderName: null,
    type: 'text',
    text: id,
    media: null,
    content: null,
    quotedId: null,
    mentions: [],
    status: 'delivered',
    timestamp,
    timestampUnix: Math.floor(Date.parse(timestamp) / 1000),
    edited: false,
    revoked: false,
    forwarded: false,
    reactions: [],
    ...overrides,
  };
}
