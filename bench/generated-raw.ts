/**
 * The raw `WebMessageInfo` of a generated message, encoded by the app's own encoder
 * (`encodeRawMessage`, Baileys' protobuf) with what WhatsApp sends for it: the key (chat, fromMe,
 * id, a group member as participant), the timestamp in seconds, the status, the sender's push
 * name, and the content matching the record: `conversation` or `extendedTextMessage` for text,
 * and for media the message with its caption, mimetype, size, dimensions or duration, and what a
 * download needs (url, directPath, mediaKey, the two SHA-256 and the key's timestamp).
 *
 * Not generated: the JPEG thumbnail real photos and videos carry (1–10 kB each) and the
 * `messageContextInfo` (device list hashes, message secret) most recent messages have; real raw
 * bytes are larger than these.
 */
import { encodeRawMessage, type MessageRecord } from '../src-main/wa/message-mapping.js';
import { mulberry32, type Rng } from './prng.js';

type WebMessage = Parameters<typeof encodeRawMessage>[0];
type Content = NonNullable<WebMessage['message']>;

const STATUS = { error: 0, pending: 1, server: 2, delivered: 3, read: 4, played: 5 } as const;

/** `record`'s raw bytes; `participant`: the group member who sent it; `seed`: its random bytes. */
export function generatedRaw(
  record: Omit<MessageRecord, 'raw'>,
  participant: string | null,
  seed: number,
): Buffer {
  const rng = mulberry32(seed);
  const message: WebMessage = {
    key: {
      remoteJid: record.chatJid,
      fromMe: record.fromMe,
      id: record.id,
      ...(participant && !record.fromMe ? { participant } : {}),
    },
    message: content(record, rng),
    messageTimestamp: Math.floor(record.timestamp / 1000),
    status: STATUS[record.status as keyof typeof STATUS] ?? STATUS.server,
    ...(record.senderName ? { pushName: record.senderName } : {}),
  };
  return encodeRawMessage(message);
}

function content(record: Omit<MessageRecord, 'raw'>, rng: Rng): Content {
  const media = record.media;
  const caption = record.text ? { caption: record.text } : {};
  const contextInfo = record.forwarded ? { contextInfo: { isForwarded: true, forwardingScore: 1 } } : {};
  switch (record.type) {
    case 'image':
      return { imageMessage: { ...download(rng), ...caption, ...contextInfo, ...shape(record) } };
    case 'video':
      return { videoMessage: { ...download(rng), ...caption, ...contextInfo, ...shape(record) } };
    case 'sticker':
      return { stickerMessage: { ...download(rng), ...contextInfo, ...shape(record) } };
    case 'audio':
      return {
        audioMessage: { ...download(rng), ...contextInfo, ...shape(record), ptt: Boolean(media?.voiceNote) },
      };
    case 'document':
      return {
        documentMessage: {
          ...download(rng),
          ...caption,
          ...contextInfo,
          ...shape(record),
          fileName: media?.fileName ?? 'file',
          title: media?.fileName ?? 'file',
        },
      };
    case 'location': {
      const place = record.content as { latitude: number; longitude: number };
      return { locationMessage: { degreesLatitude: place.latitude, degreesLongitude: place.longitude } };
    }
    default: {
      const text = record.text ?? '';
      // Phones send a plain text as `conversation`, other clients (and forwards) as extended text.
      return record.forwarded || rng() < 0.3
        ? { extendedTextMessage: { text, ...contextInfo } }
        : { conversation: text };
    }
  }
}

/** The media fields the app maps into `media` (mimetype, size, duration, dimensions). */
function shape(record: Omit<MessageRecord, 'raw'>) {
  const media = record.media;
  if (!media) return {};
  return {
    mimetype: media.mimetype,
    fileLength: media.size,
    ...(media.seconds !== null ? { seconds: media.seconds } : {}),
    ...(media.width !== null ? { width: media.width, height: media.height } : {}),
  };
}

/** What downloading the media needs, with WhatsApp's shapes and lengths. */
function download(rng: Rng) {
  const path = `/o1/v/t62.7118-24/f2/m231/AQ${token(rng, 40)}?ccb=9-4&oh=01_Q5Aa${token(rng, 38)}&oe=${token(rng, 8)}&_nc_sid=e6ed6c`;
  return {
    url: `https://mmg.whatsapp.net${path}&mms3=true`,
    directPath: path,
    mediaKey: bytes(rng, 32),
    fileSha256: bytes(rng, 32),
    fileEncSha256: bytes(rng, 32),
    mediaKeyTimestamp: 1_700_000_000 + Math.floor(rng() * 50_000_000),
  };
}

function bytes(rng: Rng, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) out[i] = Math.floor(rng() * 256);
  return out;
}

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function token(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += URL_SAFE[Math.floor(rng() * URL_SAFE.length)];
  return out;
}
