import { downloadMediaMessage, type WASocket } from '@whiskeysockets/baileys';
import type { Logger } from '../core/logger.js';
import { decodeRawMessage } from './message-mapping.js';

/**
 * Downloads and decrypts the media of a stored message (its raw WebMessageInfo). With a
 * connected socket, expired media is re-requested from the sender's phone.
 */
export async function downloadMedia(raw: Buffer, socket: WASocket | null, logger: Logger): Promise<Buffer> {
  return downloadMediaMessage(
    decodeRawMessage(raw),
    'buffer',
    {},
    {
      logger: logger.child({ module: 'baileys-media' }),
      reuploadRequest: socket ? (m) => socket.updateMediaMessage(m) : async (m) => m,
    },
  );
}
