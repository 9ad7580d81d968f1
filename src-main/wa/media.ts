import { downloadMediaMessage, isJidNewsletter, type WASocket } from '@whiskeysockets/baileys';
import type { Logger } from '../core/logger.js';
import { downloadChannelMedia } from './channel-media.js';
import { decodeRawMessage } from './message-mapping.js';

/**
 * Downloads and decrypts the media of a stored message (its raw WebMessageInfo). With a
 * connected socket, expired media is re-requested from the sender's phone. A channel post's file
 * is fetched as it is (channels do not encrypt media).
 */
export async function downloadMedia(raw: Buffer, socket: WASocket | null, logger: Logger): Promise<Buffer> {
  const message = decodeRawMessage(raw);
  // A channel's files are not encrypted (channel-media.ts).
  if (isJidNewsletter(message.key.remoteJid ?? undefined)) return downloadChannelMedia(message.message);
  return downloadMediaMessage(
    message,
    'buffer',
    {},
    {
      logger: logger.child({ module: 'baileys-media' }),
      reuploadRequest: socket ? (m) => socket.updateMediaMessage(m) : async (m) => m,
    },
  );
}
