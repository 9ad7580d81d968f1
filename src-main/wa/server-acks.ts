/**
 * WhatsApp's server acknowledges every message we send with `<ack class="message" id from t>`
 * (with an `error` attribute when it refused it). Baileys 7.0.0-rc14 reads that ack only when it
 * carries an error (`handleBadAck`) and never reports SERVER_ACK, so a message to a customer who
 * is offline stayed `pending` (a clock: "not sent") until their phone came back. The socket's
 * `ws` still emits `CB:ack,class:message` for each ack: this turns the accepted ones into facts.
 */
import type { BinaryNode, WASocket } from '@whiskeysockets/baileys';
import type { MessageRecord } from './message-mapping.js';

/** Calls `onAccepted` with the id of each message the server accepted; returns the unsubscriber. */
export function watchServerAcks(socket: WASocket, onAccepted: (id: string) => void): () => void {
  const listener = (node: BinaryNode) => {
    const { id, error } = node.attrs;
    // A refusal is Baileys' to report (messages.update with status ERROR).
    if (id && !error) onAccepted(id);
  };
  socket.ws.on('CB:ack,class:message', listener);
  return () => socket.ws.off('CB:ack,class:message', listener);
}

/**
 * Runs one send of message `id` and reads the result back as `sent` (one tick) when the server's
 * ack arrived before the send returned; a later ack reaches the store through the session's
 * events (`WaEventSink.serverAccepted`).
 */
export async function sendWatchingAck(
  socket: WASocket,
  id: string,
  send: () => Promise<MessageRecord>,
): Promise<MessageRecord> {
  let accepted = false;
  const stop = watchServerAcks(socket, (ackId) => {
    if (ackId === id) accepted = true;
  });
  try {
    const record = await send();
    return accepted && record.status === 'pending' ? { ...record, status: 'server' } : record;
  } finally {
    stop();
  }
}
