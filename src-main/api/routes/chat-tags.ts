import { z } from 'zod';
import {
  bulkTagInput,
  bulkTagResultSchema,
  tagHistorySchema,
  tagIdSchema,
  taggingListSchema,
} from '../../../src-shared/contract/organize.js';
import { organizeHandlers } from '../../rpc/organize-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import {
  TAGGING_RULES,
  chatParams,
  historyOptions,
  sessionParams,
  tagHistoryQuery,
  taggingBody,
} from './common.js';

const chatTagParams = chatParams.extend({ tagId: tagIdSchema });
const historyQuery = tagHistoryQuery.extend({
  messageId: z.string().min(1).optional().describe('Only this message'),
});

type ChatRequest = { params: z.output<typeof chatTagParams> };
type BulkRequest = { params: { id: string }; body: z.output<typeof bulkTagInput> };
type TaggingRequest = ChatRequest & { body: z.output<typeof taggingBody> };
const chatOf = ({ params }: ChatRequest) => ({ session: params.id, chat: params.chat });
const taggingOf = ({ params }: ChatRequest) => ({ ...chatOf({ params }), tagId: params.tagId });

/** Tags on chats: adapters onto the `tags.*` operations of a chat (access declared there). */
export function chatTagRoutes(services: Services) {
  const tag = 'tags';
  const route = operationRoutes(organizeHandlers(services));

  return [
    route('tags.bulk', {
      method: 'post',
      path: '/sessions/:id/chats/tags',
      tag,
      summary: 'Add or remove one tag on many chats',
      description: `All chats must exist, or nothing changes. ${TAGGING_RULES}`,
      params: sessionParams,
      body: bulkTagInput,
      input: ({ params, body }: BulkRequest) => ({ ...body, session: params.id }),
      response: { status: 200, description: 'How many chats changed', schema: bulkTagResultSchema },
    }),
    route('tags.ofChat', {
      method: 'get',
      path: '/sessions/:id/chats/:chat/tags',
      tag,
      summary: 'The tags of a chat, with who added them and when',
      params: chatParams,
      input: chatOf,
      response: { status: 200, description: 'The chat’s taggings', schema: taggingListSchema },
    }),
    route('tags.history', {
      method: 'get',
      path: '/sessions/:id/chats/:chat/tags/history',
      tag,
      summary: 'Tagging history of a chat and its messages, newest first',
      params: chatParams,
      query: historyQuery,
      input: ({ params, query }: ChatRequest & { query: z.output<typeof historyQuery> }) => ({
        ...chatOf({ params }),
        messageId: query.messageId,
        ...historyOptions(query),
      }),
      response: { status: 200, description: 'A page of history', schema: tagHistorySchema },
    }),
    route('tags.addToChat', {
      method: 'put',
      path: '/sessions/:id/chats/:chat/tags/:tagId',
      tag,
      summary: 'Tag a chat',
      description: TAGGING_RULES,
      params: chatTagParams,
      body: taggingBody,
      input: ({ params, body }: TaggingRequest) => ({
        ...taggingOf({ params }),
        extra: body.extra,
      }),
      response: { status: 200, description: 'The chat’s taggings', schema: taggingListSchema },
    }),
    route('tags.removeFromChat', {
      method: 'delete',
      path: '/sessions/:id/chats/:chat/tags/:tagId',
      tag,
      summary: 'Remove a tag from a chat (and from its messages)',
      description: TAGGING_RULES,
      params: chatTagParams,
      input: taggingOf,
      response: { status: 200, description: 'The chat’s remaining taggings', schema: taggingListSchema },
    }),
  ];
}
