/**
 * Messages, chats, contacts, groups and calls as the API, the UI and webhooks see them.
 * Zod schemas first (the OpenAPI document is generated from them), types inferred.
 */
import { z } from 'zod';
import { actorSchema } from './contract/people.js';
import { interactiveSchema } from './interactive.js';

/** A tag as messages and chats carry it (the full tag, with usage, is in contract/organize.ts). */
export const tagRefSchema = z.object({ id: z.string(), name: z.string(), color: z.string() });
export type TagRef = z.infer<typeof tagRefSchema>;

const MESSAGE_TYPES = [
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
  // A business's buttons, list, template, native-flow, product or order message, or a reply to
  // one: `content` (and `Message.interactive`) holds its text and options (src-shared/interactive.ts).
  'interactive',
  // View-once media: WhatsApp delivers its content to the phone only, never to linked devices
  // such as Chatdock, so only the marker is stored (`content.mediaKind`: image, video, audio or null).
  'viewOnce',
  'unknown',
  // WhatsApp announced it but its content could not be decrypted yet: Chatdock asked the sender
  // (retry receipt) and the phone (placeholder resend) to send it again. The row is replaced
  // by the message when it arrives; until then it is shown as "Waiting for this message…".
  'waiting',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Delivery state of a message, in order; a status never moves backwards. */
const MESSAGE_STATUSES = ['error', 'pending', 'server', 'delivered', 'read', 'played'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export function statusRank(status: string): number {
  return MESSAGE_STATUSES.indexOf(status as MessageStatus);
}

const mediaInfoSchema = z
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
    /**
     * The sender's loudness outline of a voice note, base64 of WhatsApp's bytes (0–100, usually
     * 64 of them); absent when the sender's app sent none.
     */
    waveform: z.string().optional(),
    /** Downloaded and stored in the data dir (GET …/media serves it). */
    stored: z.boolean(),
    /** When retention deleted the file (Settings → Storage); the message stays, its media is gone for good. */
    removedAt: z.string().optional(),
  })
  .meta({
    id: 'MediaInfo',
    example: {
      mimetype: 'image/jpeg',
      fileName: null,
      size: 48213,
      sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      seconds: null,
      width: 1080,
      height: 1350,
      voiceNote: false,
      stored: true,
    },
  });
export type MediaInfo = z.infer<typeof mediaInfoSchema>;

const reactionSchema = z.object({ sender: z.string(), emoji: z.string(), timestamp: z.string() });

/** A poll's options with the votes they have now (each voter's latest choice counts). */
const pollResultsSchema = z
  .object({
    name: z.string(),
    selectableCount: z.number().int().describe('How many options one voter may pick; 0 means any number'),
    options: z.array(
      z.object({
        name: z.string(),
        votes: z.number().int(),
        voters: z.array(z.string()).describe('JIDs of the people who picked this option'),
      }),
    ),
    totalVoters: z.number().int().describe('People who picked at least one option'),
  })
  .meta({
    id: 'PollResults',
    example: {
      name: 'Pickup time?',
      selectableCount: 1,
      options: [
        { name: 'Morning', votes: 2, voters: ['972501234567@s.whatsapp.net', '972507654321@s.whatsapp.net'] },
        { name: 'Evening', votes: 0, voters: [] },
      ],
      totalVoters: 2,
    },
  });
export type PollResults = z.infer<typeof pollResultsSchema>;

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
    starred: z
      .boolean()
      .optional()
      .describe('Starred on this number (here, on the phone or another linked device)'),
    reactions: z.array(reactionSchema),
    poll: pollResultsSchema.optional().describe('Polls only: the options with their current votes'),
    interactive: interactiveSchema
      .optional()
      .describe('Interactive messages only: the text, buttons, list, product or order, or the chosen option'),
    sentBy: actorSchema
      .optional()
      .describe(
        'Sent from Chatdock: who sent it (a person, "API: crm", "Campaign: Hanukkah"); absent otherwise',
      ),
    sendAt: z
      .string()
      .optional()
      .describe(
        'A human-paced group send still waiting (`status: pending`, answered 202): when it goes out (UTC ISO-8601); ' +
          '`message.sent` with the same `id` follows',
      ),
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

/**
 * What a chat list needs to summarise its last message in the reader's language (issue #21):
 * its kind and the few values a preview names. Null values when the message is not stored.
 */
const lastMessageKindFields = {
  type: z.enum(MESSAGE_TYPES).describe("The last message's kind"),
  text: z.string().nullable().describe('Its text, or the caption of media (at most 200 characters)'),
  fileName: z.string().nullable().describe("A document's file name"),
  seconds: z.number().nullable().describe('Length of audio and video, in seconds'),
  voiceNote: z.boolean().describe('Audio recorded as a voice message'),
  videoNote: z.boolean().describe('A round video message'),
  pollName: z.string().nullable().describe("A poll's question"),
  revoked: z.boolean().describe('Deleted for everyone'),
  sender: z.string().nullable().describe('Who wrote it (JID); the participant in groups'),
  senderName: z.string().nullable(),
};
export type LastMessageKind = {
  [K in keyof typeof lastMessageKindFields]: z.infer<(typeof lastMessageKindFields)[K]>;
};

/** For a chat without a message, or one not stored (any more): no kind to tell, nothing to show. */
export const UNKNOWN_LAST_MESSAGE: LastMessageKind = Object.freeze({
  type: 'unknown',
  text: null,
  fileName: null,
  seconds: null,
  voiceNote: false,
  videoNote: false,
  pollName: null,
  revoked: false,
  sender: null,
  senderName: null,
});

const CHAT_EXAMPLE = {
  session: 'shop',
  jid: '972501234567@s.whatsapp.net',
  kind: 'user',
  name: 'Dana',
  phone: '972501234567',
  unreadCount: 2,
  lastMessage: {
    id: '3EB0C767D26A1D3F0B12',
    preview: 'שלום! Do you open on Friday?',
    fromMe: false,
    status: 'delivered',
    timestamp: '2026-11-21T10:00:00.000Z',
    ...UNKNOWN_LAST_MESSAGE,
    type: 'text',
    text: 'שלום! Do you open on Friday?',
    sender: '972501234567@s.whatsapp.net',
    senderName: 'Dana',
  },
  archived: false,
  pinned: false,
  mutedUntil: null,
  readOnly: false,
  ephemeralSeconds: 0,
};

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
        preview: z
          .string()
          .describe(
            'A one-line summary in English ("📷 Photo: our menu"), kept for existing clients; ' +
              'to show it in another language build it from the fields below',
          ),
        fromMe: z.boolean(),
        status: z.enum(MESSAGE_STATUSES).nullable(),
        timestamp: z.string(),
        ...lastMessageKindFields,
      })
      .nullable(),
    archived: z.boolean(),
    pinned: z.boolean(),
    mutedUntil: z.string().nullable(),
    readOnly: z.boolean(),
    ephemeralSeconds: z
      .number()
      .int()
      .describe('Disappearing messages: seconds new messages last (86400, 604800, 7776000), 0 when off'),
  })
  .meta({ id: 'Chat', example: CHAT_EXAMPLE });
export type Chat = z.infer<typeof chatSchema>;

/**
 * A chat as the REST API answers it: the chat plus its tags, read for a whole page of chats in
 * one query. `chat.updated` events carry the plain Chat; a tag change is its own `chat.tagged`.
 */
export const chatWithTagsSchema = chatSchema
  .extend({ tags: z.array(tagRefSchema).describe('Tags on the chat (id, name, colour), oldest first') })
  .meta({
    id: 'ChatWithTags',
    example: {
      ...CHAT_EXAMPLE,
      tags: [{ id: 'tag_0193a1b2c3d4000012345678', name: 'New lead', color: '#1a7f5a' }],
    },
  });
export type ChatWithTags = z.infer<typeof chatWithTagsSchema>;

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
  .meta({
    id: 'Contact',
    example: {
      session: 'shop',
      jid: '972501234567@s.whatsapp.net',
      lid: '184467440737095@lid',
      phone: '972501234567',
      name: 'Dana Levi',
      notify: 'Dana',
      verifiedName: null,
    },
  });
export type Contact = z.infer<typeof contactSchema>;

export const groupParticipantSchema = z.object({
  jid: z.string().describe('The phone-number JID when known, else the LID'),
  role: z.enum(['member', 'admin', 'superadmin']),
  lid: z.string().nullable().describe('The LID, where WhatsApp gave it'),
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
    joinApproval: z.boolean().describe('Admins approve who joins by link'),
    addressing: z.enum(['pn', 'lid']).describe('WhatsApp names participants by phone number or by LID'),
  })
  .meta({
    id: 'Group',
    example: {
      session: 'shop',
      jid: '120363025246125486@g.us',
      kind: 'group',
      subject: 'Friday orders',
      description: 'Orders for Friday pickup, until Thursday 18:00',
      owner: '972509876543@s.whatsapp.net',
      participantCount: 12,
      readOnly: false,
      restrict: true,
      isCommunity: false,
      joinApproval: false,
      addressing: 'lid',
    },
  });
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
  .meta({
    id: 'Call',
    example: {
      session: 'shop',
      id: '9D2C4F7A61B3E0C58A1F',
      from: '972501234567@s.whatsapp.net',
      isVideo: false,
      isGroup: false,
      status: 'reject',
      timestamp: '2026-11-21T10:05:00.000Z',
      rejectMessage: 'Sorry, we cannot take calls. Please write to us here.',
    },
  });
export type Call = z.infer<typeof callSchema>;

const VIEW_ONCE_NOUNS: Record<string, string> = { image: 'photo', video: 'video', audio: 'voice message' };

/** One-line summary of a message for chat lists and notifications. */
export function messagePreview(
  message: Pick<Message, 'type' | 'text' | 'revoked' | 'media' | 'content'>,
): string {
  if (message.revoked) return 'This message was deleted';
  const label: Partial<Record<MessageType, string>> = {
    image: '📷 Photo',
    video: message.content?.videoNote ? '🎥 Video message' : '🎥 Video',
    audio: message.media?.voiceNote ? '🎤 Voice message' : '🎵 Audio',
    document: `📄 ${message.media?.fileName ?? 'Document'}`,
    sticker: 'Sticker',
    location: '📍 Location',
    contact: '👤 Contact',
    poll: `📊 ${typeof message.content?.name === 'string' ? message.content.name : 'Poll'}`,
    viewOnce: `👁 View once ${VIEW_ONCE_NOUNS[String(message.content?.mediaKind)] ?? 'message'}`,
  };
  const prefix = label[message.type];
  // A poll's text is its question, which the label already names.
  if (prefix && message.text && message.type !== 'poll') return `${prefix}: ${message.text}`;
  return prefix ?? message.text ?? '';
}
