/**
 * Status (stories) posts → domain records. WhatsApp addresses every Status to
 * `status@broadcast`; Baileys hands a contact's post on with `key.participant` = the poster
 * (our own posts come back with `fromMe`). Pure functions, unit-tested next to message-mapping.
 */
import {
  isLidUser,
  jidNormalizedUser,
  normalizeMessageContent,
  proto,
  type WAMessage,
} from '@whiskeysockets/baileys';

export const STATUS_JID = 'status@broadcast';

/** The kinds of Status Chatdock shows and posts (WhatsApp's text, photo and video). */
export type StatusKind = 'text' | 'image' | 'video';

/** One Status post, in domain terms. */
export interface StatusRecord {
  id: string;
  /** The poster's phone-number JID (ours for our own posts). */
  posterJid: string;
  posterName: string | null;
  fromMe: boolean;
  kind: StatusKind;
  /** The text of a text Status; the caption of a photo or video. */
  text: string | null;
  /** `#RRGGBB` of a text Status' background. */
  backgroundColor: string | null;
  font: number | null;
  mimetype: string | null;
  /** Unix ms. */
  timestamp: number;
  raw: Buffer;
}

export type MappedStatus =
  | { kind: 'status'; status: StatusRecord }
  /** The poster deleted a Status (a revoke sent to status@broadcast). */
  | { kind: 'statusRevoke'; id: string; posterJid: string | null }
  | { kind: 'ignore'; update?: string };

/** WhatsApp's ARGB integer → `#RRGGBB` (the alpha is always opaque for a Status). */
export function argbToHex(argb: number | null | undefined): string | null {
  if (argb === null || argb === undefined) return null;
  return `#${(argb >>> 0).toString(16).padStart(8, '0').slice(2).toUpperCase()}`;
}

function posterOf(message: WAMessage, meJid: string | null): string | null {
  const key = message.key;
  if (key.fromMe) return meJid;
  const participant = key.participant ?? '';
  // A LID poster: its phone number travels as the stanza's `participant_pn` (key.remoteJidAlt).
  if (isLidUser(participant) && key.remoteJidAlt && !isLidUser(key.remoteJidAlt))
    return jidNormalizedUser(key.remoteJidAlt);
  return participant ? jidNormalizedUser(participant) : null;
}

function toMillis(timestamp: WAMessage['messageTimestamp']): number {
  if (timestamp === null || timestamp === undefined) return Date.now();
  return (typeof timestamp === 'number' ? timestamp : Number(timestamp.toString())) * 1000;
}

/** Maps a message addressed to status@broadcast. Kinds Chatdock does not show are ignored. */
export function mapStatus(message: WAMessage, meJid: string | null): MappedStatus {
  const id = message.key.id;
  const posterJid = posterOf(message, meJid);
  const content = normalizeMessageContent(message.message);
  if (!id || !posterJid || !content) return { kind: 'ignore' };
  const protocol = content.protocolMessage;
  if (protocol) {
    const target = protocol.key?.id;
    return protocol.type === proto.Message.ProtocolMessage.Type.REVOKE && target
      ? { kind: 'statusRevoke', id: target, posterJid }
      : { kind: 'ignore', update: 'statusProtocol' };
  }
  const common = {
    id,
    posterJid,
    posterName: message.key.fromMe ? null : (message.pushName ?? null),
    fromMe: Boolean(message.key.fromMe),
    timestamp: toMillis(message.messageTimestamp),
    raw: Buffer.from(proto.WebMessageInfo.encode(message).finish()),
  };
  const none = { backgroundColor: null, font: null };
  if (content.imageMessage) {
    const image = content.imageMessage;
    const look = { text: image.caption || null, mimetype: image.mimetype ?? 'image/jpeg', ...none };
    return { kind: 'status', status: { ...common, kind: 'image', ...look } };
  }
  if (content.videoMessage) {
    const video = content.videoMessage;
    const look = { text: video.caption || null, mimetype: video.mimetype ?? 'video/mp4', ...none };
    return { kind: 'status', status: { ...common, kind: 'video', ...look } };
  }
  const text = content.extendedTextMessage?.text ?? content.conversation ?? null;
  if (text !== null && text !== undefined) {
    const extended = content.extendedTextMessage;
    return {
      kind: 'status',
      status: {
        ...common,
        kind: 'text',
        text,
        backgroundColor: argbToHex(extended?.backgroundArgb),
        font: extended?.font ?? null,
        mimetype: null,
      },
    };
  }
  // Sender-key distribution (no content type), voice Status and the rest: not shown.
  return { kind: 'ignore' };
}
