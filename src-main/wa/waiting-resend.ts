/**
 * Messages still "Waiting for this message…" when a connection opens: their content is asked
 * from the phone again (a placeholder resend, as WhatsApp Web does). Baileys asks once when a
 * message cannot be decrypted; a crash before the phone's answer was stored loses that answer,
 * and the retry receipt's resend may never come. The phone keeps messages for two weeks
 * (Baileys' PLACEHOLDER_MAX_AGE_SECONDS); older ones are not asked for.
 */
import type { WAMessageKey, WASocket } from '@whiskeysockets/baileys';
import type { Logger } from '../core/logger.js';
import type { Db } from '../db/connection.js';
import { decodeRawMessage } from './message-mapping.js';

const ASK_FOR_MS = 14 * 24 * 60 * 60 * 1000;
/** At most this many per connect (each is a small peer message to the phone). */
const ASK_AT_MOST = 500;

/** The keys of this session's waiting messages young enough to ask the phone for. */
export function waitingKeys(db: Db, sessionId: string, now = Date.now()): WAMessageKey[] {
  const rows = db.$client
    .prepare<[string, number, number], { raw: Buffer | null }>(
      `SELECT raw FROM messages INDEXED BY messages_waiting_idx
       WHERE session_id = ? AND type = 'waiting' AND timestamp >= ? LIMIT ?`,
    )
    .all(sessionId, now - ASK_FOR_MS, ASK_AT_MOST);
  return rows.flatMap((row) => {
    const key = row.raw ? decodeRawMessage(row.raw).key : undefined;
    return key?.id && key.remoteJid ? [key] : [];
  });
}

/** Asks the phone for the content of every waiting message (answers arrive as messages). */
export function askPhoneForWaiting(socket: WASocket, db: Db, sessionId: string, logger: Logger): number {
  const keys = waitingKeys(db, sessionId);
  for (const key of keys) {
    socket.requestPlaceholderResend(key).catch((error: unknown) => {
      logger.warn(
        { err: error, session: sessionId, message: key.id },
        'asking the phone for a waiting message failed',
      );
    });
  }
  if (keys.length)
    logger.info({ session: sessionId, count: keys.length }, 'asked the phone again for waiting messages');
  return keys.length;
}
