import { tagHistorySchema, tagIdSchema, taggingListSchema } from '../../../src-shared/contract/organize.js';
import type { Services } from '../../services/index.js';
import { defineRoute } from '../route.js';
import { sessionExists } from './session-guard.js';
import { TAGGING_RULES, historyOptions, messageParams, tagHistoryQuery, taggingBody } from './common.js';

const messageTagParams = messageParams.extend({ tagId: tagIdSchema });

export function messageTagRoutes({ organize, sessions }: Services) {
  const tag = 'tags';
  const { taggings, actors } = organize;
  const exists = sessionExists(sessions);

  return [
    defineRoute({
      method: 'get',
      path: '/sessions/:id/messages/:msgId/tags',
      tag,
      summary: 'The tags of a message',
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: messageParams,
      response: { status: 200, description: 'The message’s taggings', schema: taggingListSchema },
      handler: ({ params }) => {
        exists(params.id);
        return { items: taggings.ofMessage(params.id, params.msgId) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/messages/:msgId/tags/history',
      tag,
      summary: 'Tagging history of a message, newest first',
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: messageParams,
      query: tagHistoryQuery,
      response: { status: 200, description: 'A page of history', schema: tagHistorySchema },
      handler: ({ params, query }) => {
        exists(params.id);
        return taggings.messageHistory(params.id, params.msgId, historyOptions(query));
      },
    }),
    defineRoute({
      method: 'put',
      path: '/sessions/:id/messages/:msgId/tags/:tagId',
      tag,
      summary: 'Tag a message (and its chat)',
      description: TAGGING_RULES,
      access: { scope: 'messages:send', session: ({ params }) => params.id, people: 'tags' },
      params: messageTagParams,
      body: taggingBody,
      response: { status: 200, description: 'The message’s taggings', schema: taggingListSchema },
      handler: ({ params, body, principal }) => {
        exists(params.id);
        return {
          items: taggings.addToMessage(
            params.id,
            params.msgId,
            params.tagId,
            actors.attribution(principal),
            body.extra ?? null,
          ),
        };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/sessions/:id/messages/:msgId/tags/:tagId',
      tag,
      summary: 'Remove a tag from a message',
      description: `The chat keeps the tag; remove it from the chat to clear both. ${TAGGING_RULES}`,
      access: { scope: 'messages:send', session: ({ params }) => params.id, people: 'tags' },
      params: messageTagParams,
      response: { status: 200, description: 'The message’s remaining taggings', schema: taggingListSchema },
      handler: ({ params, principal }) => {
        exists(params.id);
        return {
          items: taggings.removeFromMessage(
            params.id,
            params.msgId,
            params.tagId,
            actors.attribution(principal),
          ),
        };
      },
    }),
  ];
}
