/**
 * Starred messages and clearing or deleting a chat (issue #19): each reaches the phone and the
 * number's other linked devices as an app-state patch. REST (api/routes/chat-actions.ts) is an
 * adapter onto these operations.
 *
 * Who may: whoever may send in the chat may star (agents too: it is their bookmark, and the
 * team's); clearing and deleting a chat remove the conversation for the whole team and on the
 * phone, so they need the number's manage permission (`sessions:manage`: admins and owners).
 */
import { z } from 'zod';
import type { Chat, Message } from '../messages.js';
import { chatField, listChats, readChat, sendInChat, sessionField } from '../access.js';
import { op } from './operation.js';
import { sessionIdSchema } from './sessions.js';

const chatRef = z.object({ session: sessionIdSchema, chat: z.string().min(1) }).strict();
const manageChat = { scope: 'sessions:manage', session: sessionField, chat: chatField } as const;

export const starInputSchema = z
  .object({ starred: z.boolean().describe('true stars the message, false removes the star') })
  .strict()
  .meta({ example: { starred: true } });

export const chatActionOperations = {
  'stars.set': op<Message>()(chatRef.extend({ id: z.string().min(1), starred: z.boolean() }), sendInChat),
  /** A chat's starred messages, newest first. */
  'stars.list': op<{ items: Message[] }>()(
    chatRef.extend({ limit: z.number().int().min(1).max(200).default(100) }),
    readChat,
  ),
  /**
   * Starred messages across chats, newest first: of one number, or of every number the caller may
   * read (only the chats they may read). The inbox's Starred list "All chats".
   */
  'stars.recent': op<{ items: Message[] }>()(
    z
      .object({
        session: sessionIdSchema.optional().describe('One number, or every number the caller may read'),
        limit: z.number().int().min(1).max(200).default(100),
      })
      .strict(),
    listChats,
  ),
  /** Removes every message of the chat here and on the phone; the chat stays, empty. */
  'conversations.clear': op<Chat>()(chatRef, { ...manageChat, limits: ['delete'] }),
  /** Deletes the chat with its messages here and on the phone. */
  'conversations.delete': op<{ ok: true }>()(chatRef, { ...manageChat, limits: ['delete'] }),
};
