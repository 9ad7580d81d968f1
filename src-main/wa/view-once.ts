/**
 * View-once media. WhatsApp hands its content to the recipient's phone only: linked devices
 * (Chatdock is one) get a `<unavailable type="view_once"/>` placeholder, which Baileys passes on
 * as a message without content and `key.isViewOnce`. So Chatdock stores the marker, never the
 * media, and says so; when the content does arrive (our own phone's history), the media kind is
 * kept but still not the file: it was meant to be seen once, on the phone.
 */
import type { proto, WAMessage } from '@whiskeysockets/baileys';

export type ViewOnceKind = 'image' | 'video' | 'audio' | null;

function wrapped(message: proto.IMessage | null | undefined): proto.IMessage | null {
  const inner = message?.ephemeralMessage?.message ?? message;
  const wrapper = inner?.viewOnceMessage ?? inner?.viewOnceMessageV2 ?? inner?.viewOnceMessageV2Extension;
  return wrapper?.message ?? null;
}

function mediaKind(message: proto.IMessage): ViewOnceKind | undefined {
  if (message.imageMessage) return 'image';
  if (message.videoMessage) return 'video';
  if (message.audioMessage) return 'audio';
  return undefined;
}

/**
 * The kind of a view-once message (`null`: a placeholder, kind unknown); `undefined` when the
 * message is not view-once. Businesses wrap interactive messages in the same envelope: those are
 * not view-once media and stay what they are.
 */
export function viewOnceKind(message: WAMessage): ViewOnceKind | undefined {
  if (!message.message) return message.key.isViewOnce ? null : undefined;
  const inner = wrapped(message.message);
  if (inner) return mediaKind(inner);
  const plain = message.message.ephemeralMessage?.message ?? message.message;
  const flagged = [plain.imageMessage, plain.videoMessage, plain.audioMessage].some((m) => m?.viewOnce);
  return flagged ? mediaKind(plain) : undefined;
}
