import { z } from 'zod';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { messageSchema } from '../../../src-shared/messages.js';
import { chatActionHandlers } from '../../rpc/chat-action-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';

const starredQuery = z
  .object({
    session: sessionIdSchema.optional().describe('One number, or every number the caller may read'),
    limit: z.coerce.number().int().min(1).max(200).default(100),
  })
  .strict();
const starredPage = z
  .object({ items: z.array(messageSchema), next: z.null() })
  .meta({ id: 'StarredAcrossChats', example: { items: [], next: null } });

type Request = { query: z.output<typeof starredQuery> };

/** Starred messages across chats (issue #19): an adapter onto `stars.recent`. */
export function starredRoutes(services: Services) {
  const route = operationRoutes(chatActionHandlers(services));
  return [
    route('stars.recent', {
      method: 'get',
      path: '/starred',
      tag: 'messages',
      summary: 'Starred messages across chats, newest first',
      description:
        'Of one number (`session`) or of every number the caller may read, and only the chats the caller ' +
        'may read (a person who reads assigned chats sees the starred messages of their chats). A chat’s ' +
        'own list is `GET /sessions/{id}/chats/{chat}/starred`.',
      query: starredQuery,
      input: ({ query }: Request) => query,
      answer: (result: { items: unknown[] }) => ({ ...result, next: null }),
      response: { status: 200, description: 'Starred messages', schema: starredPage },
    }),
  ];
}
