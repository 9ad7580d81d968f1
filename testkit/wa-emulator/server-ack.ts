/**
 * A message is on the server only once the server acknowledged it (`<ack class="message" id>`,
 * the single tick): `sendMessage` resolves when the bytes are written to the socket, and a server
 * that stops before reading them never had the message. What a test sends before it restarts or
 * stops the emulator ("queued across restart") must therefore wait for that ack.
 */
import type { BinaryNode, WASocket } from '@whiskeysockets/baileys';

export interface ServerAckWait {
  /** Resolves with the ack; rejects when it carries an error or does not come in time. */
  accepted: Promise<BinaryNode>;
  /** Stops listening (the send failed, nothing will be acknowledged). */
  cancel: () => void;
}

/** Starts listening for the server's ack of message `id` (before sending it: the ack can be quick). */
export function waitForServerAck(sock: WASocket, id: string, timeoutMs: number, who: string): ServerAckWait {
  let cancel = (): void => {};
  const accepted = new Promise<BinaryNode>((resolve, reject) => {
    const onAck = (ack: BinaryNode): void => {
      if (ack.attrs.id !== id) return;
      stop();
      if (ack.attrs.error) reject(new Error(`${who}: the server refused message ${id} (${ack.attrs.error})`));
      else resolve(ack);
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${who}: no server ack for message ${id} after ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = (): void => {
      clearTimeout(timer);
      sock.ws.off('CB:ack,class:message', onAck);
    };
    cancel = stop;
    sock.ws.on('CB:ack,class:message', onAck);
  });
  // A cancelled or failed wait is reported through the send that owns it, never unhandled.
  accepted.catch(() => undefined);
  return { accepted, cancel };
}
