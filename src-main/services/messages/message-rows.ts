import type { Chat, LastMessageKind, Message, MessageStatus } from '../../../src-shared/messages.js';
import { phoneOfJid } from '../../../src-shared/jid.js';
import type { ChatRow, MessageRow } from '../../db/schema.js';
import { readInteractive } from '../../../src-shared/interactive.js';
import { pollResults, withoutVotes } from './poll-tally.js';

export interface ReactionRow {
  sender_jid: string;
  emoji: string;
  timestamp: number;
}

export function toMessage(sessionId: string, row: MessageRow, reactions: ReactionRow[] = []): Message {
  const content = row.revokedAt ? null : (row.content ?? null);
  const poll = row.type === 'poll' ? pollResults(content) : null;
  const interactive = row.type === 'interactive' ? readInteractive(content) : null;
  return {
    id: row.id,
    session: sessionId,
    chat: row.chatJid,
    fromMe: row.fromMe,
    sender: row.senderJid,
    senderName: row.senderName,
    type: row.type as Message['type'],
    text: row.revokedAt ? null : row.text,
    media: row.revokedAt ? null : (row.media ?? null),
    content: content && withoutVotes(content),
    quotedId: row.quotedId,
    mentions: row.mentions ?? [],
    status: row.status as MessageStatus,
    timestamp: new Date(row.timestamp).toISOString(),
    timestampUnix: Math.floor(row.timestamp / 1000),
    edited: row.editedAt !== null,
    revoked: row.revokedAt !== null,
    forwarded: row.forwarded,
    starred: row.starredAt !== null,
    reactions: reactions.map((r) => ({
      sender: r.sender_jid,
      emoji: r.emoji,
      timestamp: new Date(r.timestamp).toISOString(),
    })),
    ...(poll ? { poll } : {}),
    ...(interactive ? { interactive } : {}),
    ...(row.sentBy ? { sentBy: row.sentBy as Message['sentBy'] } : {}),
  };
}

/** The chat row's values a `Chat` is made of (all a chat-list page reads of the row). */
export type ChatSummaryRow = Pick<
  ChatRow,
  | 'sessionId'
  | 'jid'
  | 'kind'
  | 'name'
  | 'unreadCount'
  | 'lastMessageId'
  | 'lastMessageAt'
  | 'lastMessagePreview'
  | 'lastMessageFromMe'
  | 'lastMessageStatus'
  | 'archived'
  | 'pinnedAt'
  | 'mutedUntil'
  | 'readOnly'
  | 'ephemeralSeconds'
>;

/** `lastKind`: the last message's kind and preview values (`last-message-kind.ts`). */
export function toChat(row: ChatSummaryRow, displayName: string | null, lastKind: LastMessageKind): Chat {
  return {
    session: row.sessionId,
    jid: row.jid,
    kind: row.kind,
    name: row.name ?? displayName,
    phone: phoneOfJid(row.jid),
    unreadCount: row.unreadCount,
    lastMessage:
      row.lastMessageId && row.lastMessageAt !== null
        ? {
            id: row.lastMessageId,
            preview: row.lastMessagePreview ?? '',
            fromMe: Boolean(row.lastMessageFromMe),
            status: (row.lastMessageStatus as MessageStatus | null) ?? null,
            timestamp: new Date(row.lastMessageAt).toISOString(),
            ...lastKind,
          }
        : null,
    archived: row.archived,
    pinned: row.pinnedAt !== null,
    mutedUntil: row.mutedUntil ? new Date(row.mutedUntil).toISOString() : null,
    readOnly: row.readOnly,
    ephemeralSeconds: row.ephemeralSeconds ?? 0,
  };
}
