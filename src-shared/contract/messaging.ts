import { z } from 'zod';
import { idempotencyKeySchema } from '../idempotency-key.js';
import type { ChatWithTags, Contact, Group, Message } from '../messages.js';
import { sendMessageSchema } from '../send-schemas.js';
import { chatViewQuery } from './assignment.js';
import { chatField, listChats, readChat, readSession, sendInChat, sendInSession } from '../access.js';
import { op } from './operation.js';
import { sessionIdSchema } from './sessions.js';

const chatRef = z.object({ session: sessionIdSchema, chat: z.string().min(1) }).strict();
const messageRef = z
  .object({ session: sessionIdSchema, chat: z.string().min(1), id: z.string().min(1) })
  .strict();

/** A position in a conversation, as `messages.page` and `messages.around` hand it out. */
const pageCursor = z.string().regex(/^\d+\.\d+$/, 'must be a cursor this API returned');

const chatListInput = z
  .object({
    session: sessionIdSchema.optional().describe('One session, or all'),
    q: z.string().trim().optional(),
    unread: z.boolean().optional(),
    kind: z.enum(['user', 'group', 'newsletter', 'broadcast']).optional(),
    archived: z.boolean().optional(),
    pinned: z.boolean().optional().describe('Only pinned (or only unpinned) chats'),
    tagId: z.string().min(1).optional().describe('Only chats carrying this tag'),
    tag: z.string().trim().min(1).optional().describe('Only chats carrying this tag (id or name)'),
    ...chatViewQuery.shape,
    limit: z.number().int().min(1).max(200).default(50),
    cursor: z.string().optional(),
  })
  .strict();

/** A short-lived URL the UI can put in <img>/<video>/<a download> for a message's media. */
export interface MediaLink {
  url: string;
  mimetype: string;
  fileName: string | null;
}

/** A short-lived URL for a contact's or group's profile picture; null when there is none (or it is unknown while offline). */
interface AvatarLink {
  url: string | null;
}

/** Received messages to mark read (`chats.read`); without them, the whole chat. */
const readMessageIds = z
  .array(z.string().min(1).max(128))
  .min(1)
  .max(100)
  .optional()
  .describe('Only these received messages (WhatsApp ids); omit for the whole chat');

/** A time as unix ms, where REST pages by time (`before` / `after` of a chat's messages). */
const pageTime = z.number().int();

// Chats are answered with their tags (one query per page), as the REST API always did.
export const messagingOperations = {
  'chats.list': op<{ items: ChatWithTags[]; next: string | null }>()(chatListInput, listChats),
  'chats.get': op<ChatWithTags>()(chatRef, readChat),
  /** Whole chat: unread count to 0; with `messageIds`, receipts for those only (the count stays). */
  'chats.read': op<ChatWithTags>()(chatRef.extend({ messageIds: readMessageIds }), sendInChat),
  'chats.presence': op<{ ok: true }>()(
    chatRef.extend({ state: z.enum(['composing', 'recording', 'paused']) }),
    sendInChat,
  ),
  'chats.update': op<ChatWithTags>()(
    chatRef.extend({
      archived: z.boolean().optional(),
      pinned: z.boolean().optional(),
      mutedUntil: z.string().datetime({ offset: true }).nullable().optional(),
      /** Mark as unread (here only; reading the chat clears it). */
      unread: z.literal(true).optional(),
    }),
    sendInChat,
  ),
  /** A page of a conversation, newest first; `next` reads on in the same direction (null: the end). */
  'messages.page': op<{ items: Message[]; next: string | null }>()(
    chatRef.extend({
      limit: z.number().int().min(1).max(200).default(50),
      before: pageCursor.optional().describe('A cursor: only older'),
      after: pageCursor.optional().describe('A cursor: only newer'),
      // REST's times (no cursor given): the page before or after a moment; `next` then always
      // points at the next older page, as REST documents it.
      beforeTime: pageTime.optional().describe('Unix ms: only older messages (without a cursor)'),
      afterTime: pageTime.optional().describe('Unix ms: only newer messages (without a cursor)'),
    }),
    readChat,
  ),
  /**
   * The chat's group sends still waiting their human pause (issue #26 point 5), oldest first, as
   * `message.paced` announced them: the conversation shows them again after a reload.
   */
  'messages.waiting': op<{ items: Message[] }>()(chatRef, readChat),
  /** A number's latest sent or received messages across its chats, newest first. */
  'messages.latest': op<{ items: Message[]; next: string | null }>()(
    z
      .object({
        session: sessionIdSchema,
        direction: z.enum(['sent', 'received']),
        limit: z.number().int().min(1).max(200).default(50),
        cursor: pageCursor.optional().describe('The `next` of the previous page'),
      })
      .strict(),
    // An "assigned" reader gets her own chats' messages only (the handler filters).
    listChats,
  ),
  /**
   * Messages around one message (a search hit, a quoted original), for jumping to it, newest
   * first, with cursors to page on from either end (null: that end of the chat is loaded).
   */
  'messages.around': op<{ items: Message[]; older: string | null; newer: string | null }>()(
    messageRef.extend({ context: z.number().int().min(1).max(100).default(25) }),
    readChat,
  ),
  'messages.get': op<Message>()(messageRef, readChat),
  'messages.send': op<Message>()(
    z
      .object({
        session: sessionIdSchema,
        message: sendMessageSchema,
        idempotencyKey: idempotencyKeySchema.optional(),
      })
      .strict(),
    // An "assigned" reader sends only in their own chats (issue #16).
    { ...sendInSession, chat: (input) => input.message.to, limits: ['send'] },
  ),
  'messages.edit': op<Message>()(
    messageRef.extend({ text: z.string().trim().min(1, 'must not be empty').max(65536) }),
    sendInChat,
  ),
  'messages.delete': op<Message>()(messageRef, { ...sendInChat, limits: ['delete'] }),
  'messages.react': op<Message>()(messageRef.extend({ emoji: z.string().max(16) }), sendInChat),
  'messages.forward': op<Message>()(messageRef.extend({ to: z.string().min(1, 'is required') }), {
    ...sendInSession,
    limits: ['send'],
  }),
  'messages.search': op<{ items: Message[]; next: number | null }>()(
    z
      .object({
        q: z.string().trim().min(1, 'is required'),
        session: sessionIdSchema.optional(),
        chat: z.string().optional(),
        direction: z.enum(['sent', 'received']).optional().describe('Only sent or only received hits'),
        limit: z.number().int().min(1).max(200).default(50),
        cursor: z.number().int().optional(),
      })
      .strict(),
    // One chat: read on it; a number or every number: hits filtered per chat (`canReadChat`).
    { ...listChats, chat: chatField },
  ),
  'messages.mediaLink': op<MediaLink>()(messageRef, readChat),
  'contacts.get': op<Contact | null>()(chatRef, readChat),
  /** The profile picture, asked from WhatsApp (queued) unless remembered. */
  'contacts.avatarLink': op<AvatarLink>()(chatRef, readChat),
  /** The person's "about" text, asked from WhatsApp; null when empty, hidden or offline. */
  'contacts.about': op<{ about: string | null }>()(chatRef, readChat),
  'contacts.list': op<Contact[]>()(
    z
      .object({
        session: sessionIdSchema,
        q: z.string().optional(),
        limit: z.number().int().min(1).max(500).default(100),
        cursor: z.string().optional().describe('The JID after which the page starts (REST `next`)'),
      })
      .strict(),
    readSession,
  ),
  /** Which numbers have WhatsApp (New chat checks one before opening its conversation). */
  'contacts.check': op<{ items: { input: string; jid: string | null; exists: boolean }[] }>()(
    z
      .object({
        session: sessionIdSchema,
        phones: z.array(z.string().min(1)).min(1, 'must list at least one number').max(500),
      })
      .strict(),
    readSession,
  ),
  'groups.list': op<Group[]>()(z.object({ session: sessionIdSchema }).strict(), readSession),
};
