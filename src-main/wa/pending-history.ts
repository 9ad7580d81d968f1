/**
 * History sync slices between the receipt of their notification and their store.
 *
 * The phone announces each slice of history with a peer message (`historySyncNotification`).
 * Baileys receipts that message first (it is stored like any message, durable-receive.ts) and
 * downloads and emits the slice afterwards, so a crash in between lost the slice: WhatsApp
 * never sends a receipted notification again. Now the notification itself is kept in the
 * transaction that stores its message (before the receipt), the slice is stored by the patch's
 * `persistHistorySlice` hook before Baileys announces it, and only then is the notification
 * forgotten. Notifications left from a run that died in between are downloaded and stored when
 * the next connection opens (`storeLeftHistory`); storing a slice twice changes nothing.
 *
 * Kept in `wa_auth_keys` under a type of its own: like the Signal keys it belongs to this login
 * (a new login gets its own history) and goes with it (`clearAuthState`, the session purge).
 */
import {
  DEFAULT_CONNECTION_CONFIG,
  downloadAndProcessHistorySyncNotification,
  getHistoryMsg,
  PROCESSABLE_HISTORY_TYPES,
  proto,
  type WAMessage,
  type WASocket,
} from '@whiskeysockets/baileys';
import type { Logger } from '../core/logger.js';
import type { Db } from '../db/connection.js';

const TYPE = 'chatdock-history-pending';

/** What Baileys hands the `persistHistorySlice` hook: the downloaded slice. */
export type HistorySlice = Awaited<ReturnType<typeof downloadAndProcessHistorySyncNotification>>;

export interface PendingHistory {
  /** Call inside the transaction that stores `message`: keeps its history notification, if any. */
  record(message: WAMessage): void;
  /** The slice of `message`'s notification is stored: forget the notification. */
  stored(message: WAMessage): void;
  /** Storing the slice failed: it is left for the next connection. */
  failed(message: WAMessage): void;
  /** Notifications kept and not being handled in this run (a crash came between). */
  left(): WAMessage[];
}

/** Whether Baileys downloads the history this message announces (its default rule, ours too). */
function announcesHistory(message: WAMessage): proto.Message.IHistorySyncNotification | undefined {
  const notification = getHistoryMsg(message.message ?? {});
  if (!notification) return undefined;
  const syncType = notification.syncType;
  const processed =
    syncType !== null &&
    syncType !== undefined &&
    DEFAULT_CONNECTION_CONFIG.shouldSyncHistoryMessage(notification) &&
    (PROCESSABLE_HISTORY_TYPES as readonly number[]).includes(syncType);
  return processed ? notification : undefined;
}

export function pendingHistory(db: Db, sessionId: string): PendingHistory {
  const sqlite = db.$client;
  const insert = sqlite.prepare<[string, string, string, string]>(
    `INSERT INTO wa_auth_keys (session_id, type, key_id, value) VALUES (?, ?, ?, ?)
     ON CONFLICT (session_id, type, key_id) DO UPDATE SET value = excluded.value`,
  );
  const remove = sqlite.prepare<[string, string, string]>(
    'DELETE FROM wa_auth_keys WHERE session_id = ? AND type = ? AND key_id = ?',
  );
  const all = sqlite.prepare<[string, string], { value: string }>(
    'SELECT value FROM wa_auth_keys WHERE session_id = ? AND type = ? ORDER BY rowid',
  );
  // Recorded (or taken up) by this run and not finished: Baileys, or `storeLeftHistory`, has them.
  const inHand = new Set<string>();
  const idOf = (message: WAMessage) => message.key.id ?? '';
  return {
    record(message) {
      const notification = announcesHistory(message);
      if (!notification || !message.key.id) return;
      const encoded = proto.Message.HistorySyncNotification.encode(notification).finish();
      const value = JSON.stringify({
        key: message.key,
        messageTimestamp: Number(message.messageTimestamp ?? 0),
        notification: Buffer.from(encoded).toString('base64'),
      });
      insert.run(sessionId, TYPE, message.key.id, value);
      inHand.add(message.key.id);
    },
    stored(message) {
      remove.run(sessionId, TYPE, idOf(message));
      inHand.delete(idOf(message));
    },
    failed(message) {
      inHand.delete(idOf(message));
    },
    left() {
      return all.all(sessionId, TYPE).flatMap(({ value }) => {
        const kept = JSON.parse(value) as {
          key: WAMessage['key'];
          messageTimestamp: number;
          notification: string;
        };
        if (!kept.key.id || inHand.has(kept.key.id)) return [];
        inHand.add(kept.key.id);
        const notification = proto.Message.HistorySyncNotification.decode(
          Buffer.from(kept.notification, 'base64'),
        );
        return [
          {
            key: kept.key,
            messageTimestamp: kept.messageTimestamp,
            message: {
              protocolMessage: {
                type: proto.Message.ProtocolMessage.Type.HISTORY_SYNC_NOTIFICATION,
                historySyncNotification: notification,
              },
            },
          } satisfies WAMessage,
        ];
      });
    },
  };
}

/**
 * Downloads and stores the slices of notifications a crash left (see above), one at a time.
 * One that fails stays for the next connection.
 */
export async function storeLeftHistory(
  socket: WASocket,
  pending: PendingHistory,
  persist: (message: WAMessage, slice: HistorySlice) => Promise<void>,
  options: { fetchOptions?: RequestInit; logger: Logger; sessionId: string },
): Promise<number> {
  let count = 0;
  for (const message of pending.left()) {
    const notification = getHistoryMsg(message.message ?? {});
    try {
      const slice = await downloadAndProcessHistorySyncNotification(
        notification!,
        options.fetchOptions ?? {},
      );
      if (slice.lidPnMappings?.length)
        await socket.signalRepository.lidMapping.storeLIDPNMappings(slice.lidPnMappings);
      await persist(message, slice);
      count += 1;
    } catch (error) {
      pending.failed(message);
      options.logger.warn(
        { err: error, session: options.sessionId, message: message.key.id },
        'a history slice left by a crash could not be stored; trying again at the next connect',
      );
    }
  }
  if (count) options.logger.info({ session: options.sessionId, count }, 'stored history slices a crash left');
  return count;
}
