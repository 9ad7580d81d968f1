import { z } from 'zod';
import {
  bulkTagInput,
  bulkTagResultSchema,
  tagHistorySchema,
  tagIdSchema,
  taggingListSchema,
} from '../../../src-shared/contract/organize.js';
import { toJid } from '../../../src-shared/jid.js';
import type { Services } from '../../services/index.js';
import { defineRoute } from '../route.js';
import { sessionExists } from './session-guard.js';
import {
  TAGGING_RULES,
  chatParams,
  historyOptions,
  sessionParams,
  tagHistoryQuery,
  taggingBody,
} from './common.js';

const chatTagParams = chatParams.extend({ tagId: tagIdSchema });

export function chatTagRoutes({ organize, sessions }: Services) {
  const tag = 'tags';
  const { taggings, actors } = organize;
  const chatJid = (chat: string) => toJid(chat, 'chat');
  const exists = sessionExists(sessions);

  return [
    defineRoute({
      method: 'post',
      path: '/sessions/:id/chats/tags',
      tag,
      summary: 'Add or remove one tag on many chats',
      description: `All chats must exist, or nothing changes. ${TAGGING_RULES}`,
      access: { scope: 'messages:send', session: ({ params }) => params.id, people: 'tags' },
      params: sessionParams,
      body: bulkTagInput,
      response: { status: 200, description: 'How many chats changed', schema: bulkTagResultSchema },
      handler: ({ params, body, principal }) => {
        exists(params.id);
        return taggings.bulk(
          params.id,
          body.chats.map((chat) => toJid(chat, 'chats')),
          body.tagId,
          body.action,
          actors.attribution(principal),
          body.extra ?? null,
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/chats/:chat/tags',
      tag,
      summary: 'The tags of a chat, with who added them and when',
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: chatParams,
      response: { status: 200, description: 'The chat’s taggings', schema: taggingListSchema },
      handler: ({ params }) => {
        exists(params.id);
        return { items: taggings.ofChat(params.id, chatJid(params.chat)) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/chats/:chat/tags/history',
      tag,
      summary: 'Tagging history of a chat and its messages, newest first',
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: chatParams,
      query: tagHistoryQuery.extend({
        messageId: z.string().min(1).optional().describe('Only this message'),
      }),
      response: { status: 200, description: 'A page of history', schema: tagHistorySchema },
      handler: ({ params, query }) => {
        exists(params.id);
        return taggings.history(params.id, chatJid(params.chat), {
          ...historyOptions(query),
          messageId: query.messageId,
        });
      },
    }),
    defineRoute({
      method: 'put',
      path: '/sessions/:id/chats/:chat/tags/:tagId',
      tag,
      summary: 'Tag a chat',
      description: TAGGING_RULES,
      access: { scope: 'messages:send', session: ({ params }) => params.id, people: 'tags' },
      params: chatTagParams,
      body: taggingBody,
      response: { status: 200, description: 'The chat’s taggings', schema: taggingListSchema },
      handler: ({ params, body, principal }) => {
        exists(params.id);
        return {
          items: taggings.addToChat(
            params.id,
            chatJid(params.chat),
            params.tagId,
            actors.attribution(principal),
            body.extra ?? null,
          ),
        };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/sessions/:id/chats/:chat/tags/:tagId',
      tag,
      summary: 'Remove a tag from a chat (and from its messages)',
      description: TAGGING_RULES,
      access: { scope: 'messages:send', session: ({ params }) => params.id, people: 'tags' },
      params: chatTagParams,
      response: { status: 200, description: 'The chat’s remaining taggings', schema: taggingListSchema },
      handler: ({ params, principal }) => {
        exists(params.id);
        return {
          items: taggings.removeFromChat(
            params.id,
            chatJid(params.chat),
            params.tagId,
            actors.attribution(principal),
          ),
        };
      },
    }),
  ];
}
