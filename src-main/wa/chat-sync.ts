/**
 * Chat changes made in Chatdock, sent to WhatsApp as app-state patches (Baileys `chatModify`), so
 * the phone and the number's other linked devices show the same archive, pin, mute, read and
 * starred state, and delete or clear the chat too (issue #19). WhatsApp's patches for archive and read/unread name the chat's newest
 * message (its key and time): `lastMessage` is the stored raw protobuf of it.
 * Baileys also hands its own patch back as `chats.update` (emitOwnEvents), which the event sink
 * applies like a change from the phone: the same values, so nothing changes twice.
 */
import type { ChatModification } from '@whiskeysockets/baileys';
import { AppError } from '../../src-shared/errors.js';
import { decodeRawMessage } from './message-mapping.js';
import type { WaSessionManager } from './session-manager.js';
import { callWhatsApp } from './wa-errors.js';

export type ChatChange =
  | { archive: boolean }
  | { pin: boolean }
  /** Muted until this time (ms since 1970), or null to unmute. */
  | { muteUntil: number | null }
  | { markRead: boolean }
  /** Star or unstar one message of the chat. */
  | { star: { id: string; fromMe: boolean; starred: boolean } }
  /** Delete the chat, or clear its messages (both name the newest message: WhatsApp's range). */
  | { deleteChat: true }
  | { clearChat: true };

export class WaChatSync {
  constructor(private readonly manager: WaSessionManager) {}

  isConnected(sessionId: string): boolean {
    return this.manager.socket(sessionId) !== null;
  }

  async modify(
    sessionId: string,
    jid: string,
    change: ChatChange,
    lastMessage: Buffer | null,
  ): Promise<void> {
    const socket = this.manager.socket(sessionId);
    if (!socket) throw new AppError('NOT_CONNECTED', `session "${sessionId}" is not connected to WhatsApp`);
    await callWhatsApp(
      () => socket.chatModify(toModification(change, lastMessages(lastMessage)), jid),
      'chat',
    );
  }
}

type LastMessages = Extract<ChatModification, { archive: boolean }>['lastMessages'];

function lastMessages(raw: Buffer | null): LastMessages {
  if (!raw) return [];
  const message = decodeRawMessage(raw);
  return message.key && message.messageTimestamp
    ? [{ key: message.key, messageTimestamp: message.messageTimestamp }]
    : [];
}

function toModification(change: ChatChange, last: LastMessages): ChatModification {
  if ('archive' in change) return { archive: change.archive, lastMessages: last };
  if ('pin' in change) return { pin: change.pin };
  if ('markRead' in change) return { markRead: change.markRead, lastMessages: last };
  if ('star' in change) {
    const { id, fromMe, starred } = change.star;
    return { star: { messages: [{ id, fromMe }], star: starred } };
  }
  if ('deleteChat' in change) return { delete: true, lastMessages: last };
  if ('clearChat' in change) return { clear: true, lastMessages: last };
  // The mute action carries the end time in seconds (as `muteEndTime` comes back); null unmutes.
  return { mute: change.muteUntil === null ? null : Math.floor(change.muteUntil / 1000) };
}
