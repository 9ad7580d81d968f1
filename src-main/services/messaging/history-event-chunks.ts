import type { Message } from '../../../src-shared/messages.js';
import type { MessageRecord } from '../../wa/message-mapping.js';

/** At most this many messages in one `history.messages` chunk… */
export const HISTORY_CHUNK_MESSAGES = 100;
/** …and at most about this many bytes of JSON (a chunk of one huge message may exceed it alone). */
export const HISTORY_CHUNK_BYTES = 256 * 1024;

/**
 * Splits stored history into `history.messages` chunks (issue #26 point 9): oldest first, each
 * bounded in count and size, so a receiver mirroring everything gets requests of a sane size.
 */
export function historyChunks(messages: readonly Message[]): Message[][] {
  // The same order as `byTime` over the records (ISO times in ms sort as text).
  const ordered = [...messages].sort(
    (a, b) => compare(a.timestamp, b.timestamp) || compare(a.chat, b.chat) || compare(a.id, b.id),
  );
  const chunks: Message[][] = [];
  let current: Message[] = [];
  let bytes = 0;
  for (const message of ordered) {
    const size = Buffer.byteLength(JSON.stringify(message));
    if (
      current.length > 0 &&
      (current.length >= HISTORY_CHUNK_MESSAGES || bytes + size > HISTORY_CHUNK_BYTES)
    ) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Oldest first (then by chat and id): a slice's records are stored in this order, so its chunks
 * are in time order across the store's batches too.
 */
export function byTime(a: MessageRecord, b: MessageRecord): number {
  return a.timestamp - b.timestamp || compare(a.chatJid, b.chatJid) || compare(a.id, b.id);
}
