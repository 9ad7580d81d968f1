/**
 * Messages, chats, contacts, groups and calls as the API, the UI and webhooks see them.
 * Zod schemas first (the OpenAPI document is generated from them), types inferred.
 */
import { z } from 'zod';

export const MESSAGE_TYPES = [
  'text',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'contact',
  'reaction',
  'poll',
  'unknown',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Delivery state of a message, in order; a status never moves backwards. */
export const MESSAGE_STATUSES = ['error', 'pending', 'server', 'delivered', 'read', 'played'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export function statusRank(status: string): number {
  return MESSAGE_STATUSES.indexOf(status as MessageStatus);
}

export const mediaInfoSchema = z
  .object({
    mimetype: z.string(),
    fileName: z.string().nullable(),
    size: z.number().int().nullable(),
    /** SHA-256 (hex) of the plaintext bytes; set once the file is stored locally. */
    sha256: z.string().nullable(),
    /** Seconds, for audio and video. */
    seconds: z.number().nullable(),
    width: z.number().nullable(),
    height: z.number().nullable(),
    /** Audio recorded as a voice note (push-to-talk). */
    voiceNote: z.boolean(),
    /** Downloaded and stored in the data dir (GET …/media serves it). */
    stored: z.boolean(),
  })
  .meta({ id: 'MediaInfo' });
export type MediaInfo = z.infer<typeof mediaInfoSchema>;

export const reactionSchema = z.object({ sender: z.string(), emoji: z.string(), timestamp: z.string() });

export const messageSchema = z
  .object({
    id: z.string().describe("WhatsApp's message id"),
    session: z.string(),
    chat: z.string().describe('Chat JID'),
    fromMe: z.boolean(),
    sender: z.string().nullable().describe('Who wrote it (participant in groups)'),
    senderName: z.string().nullable(),
    type: z.enum(MESSAGE_TYPES),
    text: z.string().nullable().describe('Text, or the caption of media'),
    media: mediaInfoSchema.nullable(),
    content: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe('Location, contact cards, poll, reaction target'),
    quotedId: z.string().nullable(),
    mentions: z.array(z.string()),
    status: z.enum(MESSAGE_STATUSES),
    timestamp: z.string().describe('UTC ISO-8601'),
    timestampUnix: z.number().int().describe('Unix seconds'),
    edited: z.boolean(),
    revoked: z.boolean(),
    forwarded: z.boolean(),
    reactions: z.array(reactionSchema),
  })
  .meta({
    id: 'Message',
    example: {
      id: '3EB0C767D26A1D3F0B12',
      session: 'shop',
      chat: '972501234567@s.whatsapp.net',
      fromMe: false,
      sender: '972501234567@s.whatsapp.net',
      senderName: 'Dana',
      type: 'text',
      text: 'שלום! Do you open on Friday?',
      media: null,
      content: null,
      quotedId: null,
      mentions: [],
      status: 'delivered',
      timestamp: '2026-11-21T10:00:00.000Z',
      timestampUnix: 1795255200,
      edited: false,
      revoked: false,
      forwarded: false,
      reactions: [],
    },
  });
export type Message = z.infer<typeof messageSchema>;

export const chatSchema = z
  .object({
    session: z.string(),
    jid: z.string(),
    kind: z.enum(['user', 'group', 'newsletter', 'broadcast']),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    unreadCount: z.number().int(),
    lastMessage: z
      .object({
        id: z.string(),
        preview: z.string(),
        fromMe: z.boolean(),
        status: z.enum(MESSAGE_STATUSES).nullable(),
        timestamp: z.string(),
      })
      .nullable(),
    archived: z.boolean(),
    pinned: z.boolean(),
    mutedUntil: z.string().nullable(),
    readOnly: z.boolean(),
  })
  .meta({ id: 'Chat' });
export type Chat = z.infer<typeof chatSchema>;

export const contactSchema = z
  .object({
    session: z.string(),
    jid: z.string(),
    lid: z.string().nullable(),
    phone: z.string().nullable(),
    name: z.string().nullable().describe('Name in the phone address book'),
    notify: z.string().nullable().describe('Profile name the contact chose'),
    verifiedName: z.string().nullable().describe('Business name'),
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof contactSchema>;

export const groupParticipantSchema = z.object({
  jid: z.string(),
  role: z.enum(['member', 'admin', 'superadmin']),
});

export const groupSchema = z
  .object({
    session: z.string(),
    jid: z.string(),
    kind: z.enum(['group', 'newsletter']),
    subject: z.string(),
    description: z.string().nullable(),
    owner: z.string().nullable(),
    participantCount: z.number().int(),
    readOnly: z.boolean().describe('Only admins may send'),
    restrict: z.boolean().describe('Only admins may edit group info'),
    isCommunity: z.boolean(),
  })
  .meta({ id: 'Group' });
export type Group = z.infer<typeof groupSchema>;

export const callSchema = z
  .object({
    session: z.string(),
    id: z.string(),
    from: z.string(),
    isVideo: z.boolean(),
    isGroup: z.boolean(),
    status: z.string().describe('offer, ringing, timeout, reject, accept, terminate'),
    timestamp: z.string(),
    rejectMessage: z.string().nullable(),
  })
  .meta({ id: 'Call' });
export type Call = z.infer<typeof callSchema>;

/** One-line summary of a message for chat lists and notifications. */
export function messagePreview(
  message: Pick<Message, 'type' | 'text' | 'revoked' | 'media' | 'content'>,
): string {
  if (message.revoked) return 'This message was deleted';
  const label: Partial<Record<MessageType, string>> = {
    image: '📷 Photo',
    video: '🎥 Video',
    audio: message.media?.voiceNote ? '🎤 Voice message' : '🎵 Audio',
    document: `📄 ${message.media?.fileName ?? 'Document'}`,
    sticker: 'Sticker',
    location: '📍 Location',
    contact: '👤 Contact',
    poll: `📊 ${typeof message.content?.name === 'string' ? message.content.name : 'Poll'}`,
  };
  const prefix = label[message.type];
  if (prefix && message.text) return `${prefix}: ${message.text}`;
  return prefix ?? message.text ?? '';
}
