/**
 * The incoming messages this session has stored, by chat and id (table `wa_received_messages`).
 *
 * Recorded in the transaction that stores the message and its decryption's key writes, before
 * WhatsApp gets the receipt (durable-receive.ts). A crash between that transaction and the receipt
 * makes WhatsApp deliver the message again at the next login; its Signal message key is spent by
 * then, so decrypting it again would fail and ask the sender to resend. Baileys asks here first
 * (`isIncomingStored`) and only sends the receipt. Reactions, edits and protocol messages are
 * recorded too: they have no row of their own in `messages`.
 */
import type { WAMessage } from '@whiskeysockets/baileys';
import type { Db } from '../db/connection.js';
import { chatJidOf } from './message-mapping.js';

/** WhatsApp keeps a message for an offline device for 30 days; ids are kept a little longer. */
export const RECEIVED_KEEP_MS = 35 * 24 * 60 * 60 * 1000;

export interface ReceivedMessages {
  /** Whether `message` (as Baileys decoded it, before decrypting) was stored already. */
  has(message: WAMessage): boolean;
  /** Records `message` as stored: call inside the transaction that stores it. */
  record(message: WAMessage, now?: number): void;
  /** Forgets ids older than WhatsApp would deliver again; returns how many. */
  prune(now?: number): number;
}

export function receivedMessages(db: Db, sessionId: string): ReceivedMessages {
  const sqlite = db.$client;
  const select = sqlite.prepare<[string, string, string], { found: number }>(
    'SELECT 1 AS found FROM wa_received_messages WHERE session_id = ? AND chat_jid = ? AND message_id = ?',
  );
  const insert = sqlite.prepare<[string, string, string, number]>(
    `INSERT INTO wa_received_messages (session_id, chat_jid, message_id, received_at) VALUES (?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const prune = sqlite.prepare<[string, number]>(
    'DELETE FROM wa_received_messages WHERE session_id = ? AND received_at < ?',
  );
  return {
    has(message) {
      const id = message.key.id;
      if (!id || !message.key.remoteJid) return false;
      return select.get(sessionId, chatJidOf(message.key), id) !== undefined;
    },
    record(message, now = Date.now()) {
      const id = message.key.id;
      if (!id || !message.key.remoteJid) return;
      insert.run(sessionId, chatJidOf(message.key), id, now);
    },
    prune(now = Date.now()) {
      return prune.run(sessionId, now - RECEIVED_KEEP_MS).changes;
    },
  };
}
