/**
 * Baileys messages → domain records. Pure functions (no I/O), unit-tested with hand-built
 * protobufs. Everything about WhatsApp's message shapes stays in this folder.
 */
import {
  getContentType,
  isJidGroup,
  isLidUser,
  jidNormalizedUser,
  normalizeMessageContent,
  proto,
  type WAMessage,
  type WAMessageKey,
} from '@whiskeysockets/baileys';
import type { MediaInfo, MessageStatus, MessageType } from '../../src-shared/messages.js';

/** A message to store, in domain terms. */
export interface MessageRecord {
  chatJid: string;
  id: string;
  fromMe: boolean;
  senderJid: string | null;
  senderName: string | null;
  type: MessageType;
  text: string | null;
  media: MediaInfo | null;
  content: Record<string, unknown> | null;
  quotedId: string | null;
  mentions: string[];
  status: MessageStatus;
  /** Unix milliseconds. */
  timestamp: number;
  forwarded: boolean;
  raw: Buffer;
}

/** What an incoming WhatsApp message means for our store. */
export type MappedMessage =
  | { kind: 'message'; record: MessageRecord }
  | {
      kind: 'reaction';
      chatJid: string;
      targetId: string;
      senderJid: string;
      emoji: string;
      timestamp: number;
    }
  | { kind: 'edit'; chatJid: string; targetId: string; text: string; timestamp: number }
  | { kind: 'revoke'; chatJid: string; targetId: string; timestamp: number }
  | { kind: 'ignore' };

const STATUS_BY_PROTO: Record<number, MessageStatus> = {
  [proto.WebMessageInfo.Status.ERROR]: 'error',
  [proto.WebMessageInfo.Status.PENDING]: 'pending',
  [proto.WebMessageInfo.Status.SERVER_ACK]: 'server',
  [proto.WebMessageInfo.Status.DELIVERY_ACK]: 'delivered',
  [proto.WebMessageInfo.Status.READ]: 'read',
  [proto.WebMessageInfo.Status.PLAYED]: 'played',
};

export function statusFromProto(status: number | null | undefined): MessageStatus | null {
  return status === null || status === undefined ? null : (STATUS_BY_PROTO[status] ?? null);
}

/**
 * The JID we file a chat under: the phone-number JID when WhatsApp tells us one (LID-addressed
 * chats carry it as `remoteJidAlt`), so a contact is one chat whatever addressing WhatsApp uses.
 */
export function chatJidOf(key: WAMessageKey): string {
  const remote = key.remoteJid ?? '';
  if (isLidUser(remote) && key.remoteJidAlt) return jidNormalizedUser(key.remoteJidAlt);
  return jidNormalizedUser(remote);
}

export function senderJidOf(key: WAMessageKey, meJid: string | null): string | null {
  if (key.fromMe) return meJid;
  if (isJidGroup(key.remoteJid ?? '')) {
    const participant = key.participant ?? '';
    if (isLidUser(participant) && key.participantAlt) return jidNormalizedUser(key.participantAlt);
    return participant ? jidNormalizedUser(participant) : null;
  }
  return chatJidOf(key);
}

function toMillis(timestamp: WAMessage['messageTimestamp']): number {
  if (timestamp === null || timestamp === undefined) return Date.now();
  const seconds = typeof timestamp === 'number' ? timestamp : Number(timestamp.toString());
  return seconds * 1000;
}

function mediaInfo(
  media: {
    mimetype?: string | null;
    fileName?: string | null;
    fileLength?: number | Long | null;
    seconds?: number | null;
    width?: number | null;
    height?: number | null;
    ptt?: boolean | null;
  },
  fallbackMime: string,
): MediaInfo {
  const size =
    media.fileLength === null || media.fileLength === undefined ? null : Number(media.fileLength.toString());
  return {
    mimetype: media.mimetype || fallbackMime,
    fileName: media.fileName ?? null,
    size,
    sha256: null,
    seconds: media.seconds ?? null,
    width: media.width ?? null,
    height: media.height ?? null,
    voiceNote: Boolean(media.ptt),
    stored: false,
  };
}

type Long = { toString(): string };

/** The formatted name (`FN:`) of a vCard, for contact cards sent without a display name. */
export function vcardName(vcard: string | null | undefined): string | null {
  const match = /^FN[^:]*:(.*)$/m.exec(vcard ?? '');
  return match?.[1]?.trim() || null;
}

interface Body {
  type: MessageType;
  text: string | null;
  media: MediaInfo | null;
  content: Record<string, unknown> | null;
  contextInfo: proto.IContextInfo | null | undefined;
}

/** The type, text and content of a (normalised) message body. */
function body(message: proto.IMessage): Body | null {
  const kind = getContentType(message);
  switch (kind) {
    case 'conversation':
      return {
        type: 'text',
        text: message.conversation ?? '',
        media: null,
        content: null,
        contextInfo: null,
      };
    case 'extendedTextMessage': {
      const m = message.extendedTextMessage!;
      return { type: 'text', text: m.text ?? '', media: null, content: null, contextInfo: m.contextInfo };
    }
    case 'imageMessage': {
      const m = message.imageMessage!;
      return {
        type: 'image',
        text: m.caption || null,
        media: mediaInfo(m, 'image/jpeg'),
        content: null,
        contextInfo: m.contextInfo,
      };
    }
    case 'videoMessage': {
      const m = message.videoMessage!;
      return {
        type: 'video',
        text: m.caption || null,
        media: mediaInfo(m, 'video/mp4'),
        content: m.gifPlayback ? { gif: true } : null,
        contextInfo: m.contextInfo,
      };
    }
    case 'audioMessage': {
      const m = message.audioMessage!;
      return {
        type: 'audio',
        text: null,
        media: mediaInfo(m, 'audio/ogg; codecs=opus'),
        content: null,
        contextInfo: m.contextInfo,
      };
    }
    case 'documentMessage': {
      const m = message.documentMessage!;
      return {
        type: 'document',
        text: m.caption || null,
        media: mediaInfo(m, 'application/octet-stream'),
        content: null,
        contextInfo: m.contextInfo,
      };
    }
    case 'documentWithCaptionMessage':
      return message.documentWithCaptionMessage?.message
        ? body(message.documentWithCaptionMessage.message)
        : null;
    case 'stickerMessage': {
      const m = message.stickerMessage!;
      return {
        type: 'sticker',
        text: null,
        media: mediaInfo(m, 'image/webp'),
        content: null,
        contextInfo: m.contextInfo,
      };
    }
    case 'locationMessage':
    case 'liveLocationMessage': {
      const m = (message.locationMessage ?? message.liveLocationMessage)!;
      const place = message.locationMessage;
      return {
        type: 'location',
        text: place?.name || place?.address || null,
        media: null,
        content: {
          latitude: m.degreesLatitude ?? 0,
          longitude: m.degreesLongitude ?? 0,
          name: place?.name ?? null,
          address: place?.address ?? null,
          live: kind === 'liveLocationMessage',
        },
        contextInfo: m.contextInfo,
      };
    }
    case 'contactMessage': {
      const m = message.contactMessage!;
      const name = m.displayName || vcardName(m.vcard) || null;
      return {
        type: 'contact',
        text: name,
        media: null,
        content: { contacts: [{ displayName: name ?? '', vcard: m.vcard ?? '' }] },
        contextInfo: m.contextInfo,
      };
    }
    case 'contactsArrayMessage': {
      const m = message.contactsArrayMessage!;
      const cards = (m.contacts ?? []).map((c) => ({
        displayName: c.displayName ?? '',
        vcard: c.vcard ?? '',
      }));
      return {
        type: 'contact',
        text: m.displayName ?? cards.map((c) => c.displayName).join(', '),
        media: null,
        content: { contacts: cards },
        contextInfo: m.contextInfo,
      };
    }
    case 'pollCreationMessage':
    case 'pollCreationMessageV2':
    case 'pollCreationMessageV3': {
      const m = (message.pollCreationMessage ??
        message.pollCreationMessageV2 ??
        message.pollCreationMessageV3)!;
      return {
        type: 'poll',
        text: m.name ?? null,
        media: null,
        content: {
          name: m.name ?? '',
          options: (m.options ?? []).map((o) => o.optionName ?? ''),
          selectableCount: m.selectableOptionsCount ?? 0,
        },
        contextInfo: m.contextInfo,
      };
    }
    default:
      return null;
  }
}

/**
 * Maps one message WhatsApp delivered (live, offline replay or history sync). `meJid` is our
 * own phone-number JID, used as the sender of our own messages.
 */
export function mapMessage(message: WAMessage, meJid: string | null): MappedMessage {
  const key = message.key;
  if (!key.id || !key.remoteJid || key.remoteJid === 'status@broadcast') return { kind: 'ignore' };
  const content = normalizeMessageContent(message.message);
  if (!content) return { kind: 'ignore' };
  const chatJid = chatJidOf(key);
  const timestamp = toMillis(message.messageTimestamp);

  if (content.reactionMessage) {
    const reaction = content.reactionMessage;
    const targetId = reaction.key?.id;
    const senderJid = senderJidOf(key, meJid);
    if (!targetId || !senderJid) return { kind: 'ignore' };
    return { kind: 'reaction', chatJid, targetId, senderJid, emoji: reaction.text ?? '', timestamp };
  }

  const protocol = content.protocolMessage;
  if (protocol) {
    const targetId = protocol.key?.id;
    if (!targetId) return { kind: 'ignore' };
    if (protocol.type === proto.Message.ProtocolMessage.Type.REVOKE)
      return { kind: 'revoke', chatJid, targetId, timestamp };
    if (protocol.type === proto.Message.ProtocolMessage.Type.MESSAGE_EDIT && protocol.editedMessage) {
      const edited = body(normalizeMessageContent(protocol.editedMessage) ?? {});
      return { kind: 'edit', chatJid, targetId, text: edited?.text ?? '', timestamp };
    }
    return { kind: 'ignore' };
  }

  const parsed = body(content);
  if (!parsed) {
    // Sender-key distribution and other plumbing arrive as messages of their own; skip them.
    if (content.senderKeyDistributionMessage || getContentType(content) === 'messageContextInfo') {
      return { kind: 'ignore' };
    }
  }
  const result = parsed ?? {
    type: 'unknown' as const,
    text: null,
    media: null,
    content: null,
    contextInfo: null,
  };
  const context = result.contextInfo;
  const status = statusFromProto(message.status) ?? (key.fromMe ? 'server' : 'delivered');
  return {
    kind: 'message',
    record: {
      chatJid,
      id: key.id,
      fromMe: Boolean(key.fromMe),
      senderJid: senderJidOf(key, meJid),
      senderName: key.fromMe ? null : (message.pushName ?? null),
      type: result.type,
      text: result.text,
      media: result.media,
      content: result.content,
      quotedId: context?.stanzaId ?? null,
      mentions: (context?.mentionedJid ?? []).map((jid) => jidNormalizedUser(jid)),
      status,
      timestamp,
      forwarded: Boolean(context?.isForwarded),
      raw: Buffer.from(proto.WebMessageInfo.encode(message).finish()),
    },
  };
}

/** A stored message's raw bytes back into the WAMessage Baileys works with. */
export function decodeRawMessage(raw: Buffer): WAMessage {
  const decoded = proto.WebMessageInfo.decode(raw);
  return Object.assign(decoded, { key: decoded.key ?? {} }) as WAMessage;
}
