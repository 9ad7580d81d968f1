import { z } from 'zod';
import { starInputSchema } from '../../../src-shared/contract/chat-actions.js';
import { chatSchema, messageSchema } from '../../../src-shared/messages.js';
import { chatActionHandlers } from '../../rpc/chat-action-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { chatParams } from './common.js';

const messageParams = chatParams.extend({ msgId: z.string().min(1).describe("WhatsApp's message id") });
const starredList = z
  .object({ items: z.array(messageSchema), next: z.null() })
  .meta({ id: 'StarredMessages', example: { items: [], next: null } });
const starredQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(100) }).strict();

type Request = {
  params: z.output<typeof messageParams>;
  query?: { limit: number };
  body?: { starred: boolean };
};
const chatOf = ({ params }: Request) => ({ session: params.id, chat: params.chat });

const PHONE = 'The phone and the number’s other linked devices do the same (WhatsApp app-state).';
const ERASED =
  'The messages are gone from Chatdock too (with their reactions, message tags and media files); ' +
  'the chat’s notes, tags and assignment history stay. Needs the number’s manage permission.';

/**
 * Starred messages, clearing and deleting a chat (issue #19): adapters onto `stars.*` and
 * `conversations.*` (access and handler live there).
 */
export function chatActionRoutes(services: Services) {
  const route = operationRoutes(chatActionHandlers(services));
  return [
    route('stars.set', {
      method: 'put',
      path: '/sessions/:id/chats/:chat/messages/:msgId/star',
      tag: 'messages',
      summary: 'Star or unstar a message',
      description: PHONE,
      params: messageParams,
      body: starInputSchema,
      input: ({ params, body }: Request) => ({ ...chatOf({ params }), id: params.msgId, ...body }),
      response: { status: 200, description: 'The message', schema: messageSchema },
    }),
    route('stars.list', {
      method: 'get',
      path: '/sessions/:id/chats/:chat/starred',
      tag: 'messages',
      summary: 'Starred messages of a chat, newest first',
      params: chatParams,
      query: starredQuery,
      input: ({ params, query }: Request) => ({ ...chatOf({ params }), ...query }),
      answer: (result: { items: unknown[] }) => ({ ...result, next: null }),
      response: { status: 200, description: 'Starred messages', schema: starredList },
    }),
    route('conversations.clear', {
      method: 'post',
      path: '/sessions/:id/chats/:chat/clear',
      tag: 'chats',
      summary: 'Clear a chat: remove every message, keep the chat',
      description: `${PHONE} ${ERASED}`,
      params: chatParams,
      input: chatOf,
      response: { status: 200, description: 'The chat, empty', schema: chatSchema },
    }),
    route('conversations.delete', {
      method: 'delete',
      path: '/sessions/:id/chats/:chat',
      tag: 'chats',
      summary: 'Delete a chat with its messages',
      description: `${PHONE} ${ERASED}`,
      params: chatParams,
      input: chatOf,
      response: { status: 204, description: 'Deleted' },
    }),
  ];
}
