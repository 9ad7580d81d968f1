/**
 * The type, text, media and content of one WhatsApp message body, one small mapper per content
 * type. Pure functions, unit-tested through `mapMessage` (message-mapping.test.ts).
 */
import { getContentType, type proto } from '@whiskeysockets/baileys';
import type { MediaInfo, MessageType } from '../../src-shared/messages.js';
import { INTERACTIVE_MAPPERS } from './interactive-bodies.js';
import { pollCreationOf } from './poll-votes.js';

export interface Body {
  type: MessageType;
  text: string | null;
  media: MediaInfo | null;
  content: Record<string, unknown> | null;
  contextInfo: proto.IContextInfo | null | undefined;
}

type Long = { toString(): string };

interface MediaFields {
  mimetype?: string | null;
  fileName?: string | null;
  fileLength?: number | Long | null;
  seconds?: number | null;
  width?: number | null;
  height?: number | null;
  ptt?: boolean | null;
  waveform?: Uint8Array | null;
  caption?: string | null;
  contextInfo?: proto.IContextInfo | null;
}

/** Wrappers Baileys' normalizeMessageContent does not open; their inner message is the real one. */
const WRAPPERS = [
  'lottieStickerMessage',
  'groupMentionedMessage',
  'botInvokeMessage',
  'pollCreationMessageV4',
] as const;

function mediaInfo(media: MediaFields, fallbackMime: string): MediaInfo {
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
    // The player draws it before the audio is fetched (base64 keeps the JSON column small).
    ...(media.waveform?.length ? { waveform: Buffer.from(media.waveform).toString('base64') } : {}),
    stored: false,
  };
}

/** A media body: the caption is its text (audio and stickers have none). */
function mediaBody(
  type: MessageType,
  media: MediaFields | null | undefined,
  fallbackMime: string,
  content: Record<string, unknown> | null = null,
): Body | null {
  if (!media) return null;
  const captioned = type !== 'audio' && type !== 'sticker';
  return {
    type,
    text: (captioned && media.caption) || null,
    media: mediaInfo(media, fallbackMime),
    content,
    contextInfo: media.contextInfo,
  };
}

/** The formatted name (`FN:`) of a vCard, for contact cards sent without a display name. */
export function vcardName(vcard: string | null | undefined): string | null {
  const match = /^FN[^:]*:(.*)$/m.exec(vcard ?? '');
  return match?.[1]?.trim() || null;
}

function text(value: string, contextInfo: proto.IContextInfo | null | undefined): Body {
  return { type: 'text', text: value, media: null, content: null, contextInfo };
}

function location(message: proto.IMessage, live: boolean): Body | null {
  const m = message.locationMessage ?? message.liveLocationMessage;
  if (!m) return null;
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
      live,
    },
    contextInfo: m.contextInfo,
  };
}

function contactCard(m: proto.Message.IContactMessage): Body {
  const name = m.displayName || vcardName(m.vcard) || null;
  return {
    type: 'contact',
    text: name,
    media: null,
    content: { contacts: [{ displayName: name ?? '', vcard: m.vcard ?? '' }] },
    contextInfo: m.contextInfo,
  };
}

function contactCards(m: proto.Message.IContactsArrayMessage): Body {
  const cards = (m.contacts ?? []).map((c) => ({ displayName: c.displayName ?? '', vcard: c.vcard ?? '' }));
  return {
    type: 'contact',
    text: m.displayName ?? cards.map((c) => c.displayName).join(', '),
    media: null,
    content: { contacts: cards },
    contextInfo: m.contextInfo,
  };
}

function poll(message: proto.IMessage): Body | null {
  const m = pollCreationOf(message);
  if (!m) return null;
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

type ContentType = NonNullable<ReturnType<typeof getContentType>>;

const MAPPERS: Partial<Record<ContentType, (message: proto.IMessage) => Body | null>> = {
  conversation: (m) => text(m.conversation ?? '', null),
  extendedTextMessage: (m) => text(m.extendedTextMessage?.text ?? '', m.extendedTextMessage?.contextInfo),
  imageMessage: (m) => mediaBody('image', m.imageMessage, 'image/jpeg'),
  videoMessage: (m) =>
    mediaBody('video', m.videoMessage, 'video/mp4', m.videoMessage?.gifPlayback ? { gif: true } : null),
  // A round video note: a video the app plays in a circle.
  ptvMessage: (m) => mediaBody('video', m.ptvMessage, 'video/mp4', { videoNote: true }),
  audioMessage: (m) => mediaBody('audio', m.audioMessage, 'audio/ogg; codecs=opus'),
  documentMessage: (m) => mediaBody('document', m.documentMessage, 'application/octet-stream'),
  documentWithCaptionMessage: (m) => {
    const inner = m.documentWithCaptionMessage?.message;
    return inner ? body(inner) : null;
  },
  stickerMessage: (m) => mediaBody('sticker', m.stickerMessage, 'image/webp'),
  locationMessage: (m) => location(m, false),
  liveLocationMessage: (m) => location(m, true),
  contactMessage: (m) => (m.contactMessage ? contactCard(m.contactMessage) : null),
  contactsArrayMessage: (m) => (m.contactsArrayMessage ? contactCards(m.contactsArrayMessage) : null),
  pollCreationMessage: poll,
  pollCreationMessageV2: poll,
  pollCreationMessageV3: poll,
  pollCreationMessageV5: poll,
  ...INTERACTIVE_MAPPERS,
};

/** The type, text and content of a (normalised) message body; null for kinds not stored. */
export function body(message: proto.IMessage): Body | null {
  const kind = getContentType(message);
  const mapper = kind ? MAPPERS[kind] : undefined;
  if (mapper) return mapper(message);
  const wrapper = WRAPPERS.find((name) => message[name]?.message);
  return wrapper ? body(message[wrapper]!.message!) : null;
}
