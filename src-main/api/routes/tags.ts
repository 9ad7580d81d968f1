import { z } from 'zod';
import {
  bulkTagInput,
  bulkTagResultSchema,
  createTagInput,
  deletedTagSchema,
  tagHistorySchema,
  tagIdSchema,
  taggingExtraSchema,
  taggingListSchema,
  tagListSchema,
  tagSchema,
  updateTagInput,
} from '../../../src-shared/contract/organize.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { toJid } from '../../../src-shared/jid.js';
import type { Services } from '../../services/index.js';
import { MANAGE_TAGS } from '../../../src-shared/access.js';
import { defineRoute } from '../route.js';
import { sessionExists } from './session-guard.js';

const idParams = z.object({ id: tagIdSchema });
const chatParams = z.object({ id: sessionIdSchema, chat: z.string().min(1) });
const chatTagParams = chatParams.extend({ tagId: tagIdSchema });
const messageParams = z.object({ id: sessionIdSchema, msgId: z.string().min(1) });
const messageTagParams = messageParams.extend({ tagId: tagIdSchema });
const sessionParams = z.object({ id: sessionIdSchema });
const taggingBody = z
  .object({ extra: taggingExtraSchema.optional() })
  .strict()
  .meta({ example: { extra: { rule: 'order-intent', score: 0.9 } } });
const historyQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().optional().describe('`next` of the previous page'),
});

const TAGGING_RULES =
  'Tagging a message also tags its chat; removing a tag from a chat also removes it from its messages. ' +
  'Each change is recorded (who, when, `extra`) in the tag history and announced as `chat.tagged` / ' +
  '`message.tagged` (`action`: `added` or `removed`) to webhooks and the event stream. Adding a tag that ' +
  'is already there, or removing one that is not, changes nothing and announces nothing.';

export function tagRoutes({ organize, sessions }: Services) {
  const tag = 'tags';
  const { tags, taggings, actors } = organize;
  const chatJid = (chat: string) => toJid(chat, 'chat');
  const exists = sessionExists(sessions);

  return [
    defineRoute({
      method: 'get',
      path: '/tags',
      tag,
      summary: 'List tags with how many chats and messages carry each',
      access: { scope: 'messages:read' },
      response: { status: 200, description: 'Every tag, by name', schema: tagListSchema },
      handler: () => {
        return { items: tags.list(), next: null };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/tags',
      tag,
      summary: 'Create a tag',
      description: 'Names are 1–40 characters and unique ignoring case (409 CONFLICT naming `name`).',
      access: MANAGE_TAGS,
      body: createTagInput,
      response: { status: 201, description: 'The tag', schema: tagSchema },
      handler: ({ body }) => {
        return tags.create(body);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/tags/:id',
      tag,
      summary: 'Get a tag',
      access: { scope: 'messages:read' },
      params: idParams,
      response: { status: 200, description: 'The tag', schema: tagSchema },
      handler: ({ params }) => {
        return tags.get(params.id);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/tags/:id',
      tag,
      summary: 'Rename or recolour a tag',
      access: MANAGE_TAGS,
      params: idParams,
      body: updateTagInput,
      response: { status: 200, description: 'The tag', schema: tagSchema },
      handler: ({ params, body }) => {
        return tags.update(params.id, body);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/tags/:id',
      tag,
      summary: 'Delete a tag',
      description:
        'A tag in use is refused with 409 CONFLICT (`field`: `confirm`) whose `error.usage` gives ' +
        '`{chats, messages}`; repeat with `?confirm=true` to delete it and remove it from all of them ' +
        '(each removal is announced). The tag history keeps its entries.',
      access: MANAGE_TAGS,
      params: idParams,
      query: z.object({
        confirm: z
          .enum(['true', 'false'])
          .transform((value) => value === 'true')
          .optional()
          .describe('Delete even when chats or messages carry the tag'),
      }),
      response: { status: 200, description: 'What was removed with the tag', schema: deletedTagSchema },
      handler: ({ params, query, principal }) => {
        return tags.delete(params.id, { confirm: query.confirm ?? false, actor: actors.of(principal) });
      },
    }),
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
          actors.of(principal),
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
      query: historyQuery.extend({
        messageId: z.string().min(1).optional().describe('Only this message'),
      }),
      response: { status: 200, description: 'A page of history', schema: tagHistorySchema },
      handler: ({ params, query }) => {
        exists(params.id);
        return taggings.history(params.id, chatJid(params.chat), query);
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
            actors.of(principal),
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
          items: taggings.removeFromChat(params.id, chatJid(params.chat), params.tagId, actors.of(principal)),
        };
      },
    }),
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
      query: historyQuery,
      response: { status: 200, description: 'A page of history', schema: tagHistorySchema },
      handler: ({ params, query }) => {
        exists(params.id);
        return taggings.messageHistory(params.id, params.msgId, query);
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
            actors.of(principal),
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
          items: taggings.removeFromMessage(params.id, params.msgId, params.tagId, actors.of(principal)),
        };
      },
    }),
  ];
}
