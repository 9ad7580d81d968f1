import { z } from 'zod';
import { exampleOf } from '../../../src-shared/examples.js';
import { toJid } from '../../../src-shared/jid.js';
import { chatWithTagsSchema, messageSchema, type Chat } from '../../../src-shared/messages.js';
import type { Services } from '../../services/index.js';
import { decodePageCursor } from '../../services/messages/history-queries.js';
import { ownSessionOf, readableSessions } from '../../services/access/authorizer.js';
import { defineRoute } from '../route.js';
import { sessionExists } from './session-guard.js';
import { chatParams, sessionParams } from './common.js';
import { chatViewQuery } from '../../../src-shared/contract/assignment.js';
import { assignedOnlyOf, chatViewOf } from '../../services/chats/list/view-input.js';

const chatList = z.object({ items: z.array(chatWithTagsSchema), next: z.string().nullable() }).meta({
  id: 'ChatList',
  example: {
    items: [exampleOf(chatWithTagsSchema)],
    next: 'WzE3OTUyNTUyMDAwMDAsInNob3AiLCI5NzI1MDEyMzQ1NjdAcy53aGF0c2FwcC5uZXQiXQ',
  },
});
const messagePage = z
  .object({
    items: z.array(messageSchema),
    next: z.string().nullable().describe('`before` for the next older page'),
  })
  .meta({ id: 'MessagePage', example: { items: [exampleOf(messageSchema)], next: '1795255200000.18342' } });

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
const chatListQuery = z.object({
  q: z.string().trim().optional().describe('Name, number or JID contains'),
  unread: flag.optional(),
  kind: z.enum(['user', 'group', 'newsletter', 'broadcast']).optional(),
  archived: flag.optional(),
  pinned: flag.optional().describe('Only pinned (true) or unpinned (false) chats'),
  tag: z.string().trim().min(1).optional().describe('Only chats carrying this tag (id or name)'),
  ...chatViewQuery.shape,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});

/** A time as ISO-8601 (with offset) or unix seconds/milliseconds, to unix milliseconds. */
const instant = z.string().transform((value, ctx) => {
  if (/^\d+$/.test(value)) return value.length <= 10 ? Number(value) * 1000 : Number(value);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: 'must be ISO-8601 or unix seconds' });
    return z.NEVER;
  }
  return ms;
});

const markReadBody = z
  .object({
    messageIds: z
      .array(z.string().min(1).max(128))
      .min(1)
      .max(100)
      .optional()
      .describe('Only these received messages (WhatsApp ids); omit for the whole chat'),
  })
  .strict()
  .meta({ example: { messageIds: ['3EB0C431D5A6B2F1E8A4'] } });

export function chatRoutes({ messaging, sessions, organize }: Services) {
  const exists = sessionExists(sessions);
  const tag = 'chats';
  const tagId = (value: string | undefined) => (value ? organize.tags.resolve(value).id : undefined);
  const chatJid = (chat: string) => toJid(chat, 'chat');
  /** Every chat the REST API answers carries its tags; a page reads them in one query. */
  const withTags = (page: { items: Chat[]; next: string | null }) => ({
    ...page,
    items: organize.taggings.withTags(page.items),
  });
  const withTagsOne = (chat: Chat) => organize.taggings.withTags([chat])[0]!;
  return [
    defineRoute({
      method: 'get',
      path: '/sessions/:id/chats',
      tag,
      summary: 'List chats, most recent first',
      description:
        'The inbox views as filters (`assignee`, `team`, `status`). A person who reads only assigned chats ' +
        'of this number lists their own chats and their teams’ unassigned ones.',
      access: { scope: 'messages:read', session: ({ params }) => params.id, filtersChats: true },
      params: sessionParams,
      query: chatListQuery,
      response: { status: 200, description: 'A page of chats', schema: chatList },
      handler: ({ params, query, principal }) => {
        exists(params.id);
        return withTags(
          messaging.chats.list({
            ...query,
            tagId: tagId(query.tag),
            sessionId: params.id,
            allowedSessions: readableSessions(principal),
            view: chatViewOf(principal, query),
            assignedOnly: assignedOnlyOf(principal),
          }),
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/chats',
      tag,
      summary: 'List chats of every session, most recent first',
      access: { scope: 'messages:read' },
      query: chatListQuery,
      response: { status: 200, description: 'A page of chats', schema: chatList },
      handler: ({ query, principal }) => {
        return withTags(
          messaging.chats.list({
            ...query,
            tagId: tagId(query.tag),
            sessionId: ownSessionOf(principal),
            allowedSessions: readableSessions(principal),
            view: chatViewOf(principal, query),
            assignedOnly: assignedOnlyOf(principal),
          }),
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/chats/:chat',
      tag,
      summary: 'Get a chat',
      access: {
        scope: 'messages:read',
        session: ({ params }) => params.id,
        chat: ({ params }) => params.chat,
      },
      params: chatParams,
      response: { status: 200, description: 'The chat', schema: chatWithTagsSchema },
      handler: ({ params }) => {
        return withTagsOne(messaging.chats.get(params.id, chatJid(params.chat)));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/sessions/:id/chats/:chat',
      tag,
      summary: 'Archive, pin, mute or mark unread a chat',
      access: {
        scope: 'messages:send',
        session: ({ params }) => params.id,
        chat: ({ params }) => params.chat,
      },
      params: chatParams,
      body: z
        .object({
          archived: z.boolean().optional(),
          pinned: z.boolean().optional(),
          mutedUntil: z.string().datetime({ offset: true }).nullable().optional(),
          unread: z
            .literal(true)
            .optional()
            .describe(
              'Mark as unread: counts as unread here (at least 1) until read; the phone shows the mark too',
            ),
        })
        .strict()
        .meta({ example: { pinned: true, mutedUntil: '2026-11-22T08:00:00+02:00' } }),
      response: { status: 200, description: 'The chat', schema: chatWithTagsSchema },
      handler: async ({ params, body }) => {
        const jid = chatJid(params.chat);
        let chat = messaging.chats.get(params.id, jid);
        if (body.archived !== undefined)
          chat = await messaging.chats.setArchived(params.id, jid, body.archived);
        if (body.pinned !== undefined) chat = await messaging.chats.setPinned(params.id, jid, body.pinned);
        if (body.mutedUntil !== undefined) {
          chat = await messaging.chats.setMuted(
            params.id,
            jid,
            body.mutedUntil ? Date.parse(body.mutedUntil) : null,
          );
        }
        if (body.unread) chat = await messaging.chats.markUnread(params.id, jid);
        return withTagsOne(chat);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/chats/:chat/messages',
      tag,
      summary: 'Message history of a chat, newest first',
      description:
        'Pages by time, so new messages never shift a page. Start with `before` / `after` (or neither for ' +
        "the newest), then pass each answer's `next` as `cursor` for the next older page: it points at the " +
        'exact message, so messages sharing a second are never skipped.',
      access: {
        scope: 'messages:read',
        session: ({ params }) => params.id,
        chat: ({ params }) => params.chat,
      },
      params: chatParams,
      query: z.object({
        limit: z.coerce.number().int().min(1).max(200).default(50),
        before: instant.optional().describe('ISO-8601 or unix seconds: only older messages'),
        after: instant.optional().describe('ISO-8601 or unix seconds: only newer messages'),
        cursor: z
          .string()
          .regex(/^\d+\.\d+$/, 'must be a `next` value this API returned')
          .optional()
          .describe('The `next` of the previous page'),
      }),
      response: { status: 200, description: 'A page of messages', schema: messagePage },
      handler: ({ params, query }) => {
        exists(params.id);
        const position = query.cursor ? decodePageCursor(query.cursor) : null;
        const page = messaging.history.pageWithCursor(params.id, chatJid(params.chat), {
          limit: query.limit,
          ...(position
            ? { before: position.at, rowId: position.rowId }
            : { before: query.before, after: query.after }),
        });
        return { items: page.messages, next: page.next };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/sessions/:id/chats/:chat/read',
      tag,
      summary: 'Mark a chat read (sends read receipts)',
      description:
        'Without a body (or without `messageIds`) the whole chat: its unread count goes to 0 and read receipts ' +
        'go out for what was unread. With `messageIds` read receipts go out for those received messages only ' +
        '(up to 100; an unknown id or one of our own is a 400 naming it) and the unread count stays.',
      access: {
        scope: 'messages:send',
        session: ({ params }) => params.id,
        chat: ({ params }) => params.chat,
      },
      params: chatParams,
      body: markReadBody,
      response: { status: 200, description: 'The chat', schema: chatWithTagsSchema },
      handler: async ({ params, body }) => {
        const jid = chatJid(params.chat);
        const chat = body.messageIds
          ? await messaging.chats.markMessagesRead(params.id, jid, body.messageIds)
          : await messaging.chats.markRead(params.id, jid);
        return withTagsOne(chat);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/sessions/:id/chats/:chat/presence',
      tag,
      summary: 'Show typing or recording in a chat',
      access: {
        scope: 'messages:send',
        session: ({ params }) => params.id,
        chat: ({ params }) => params.chat,
      },
      params: chatParams,
      body: z
        .object({ state: z.enum(['composing', 'recording', 'paused']) })
        .strict()
        .meta({ example: { state: 'composing' } }),
      response: { status: 204, description: 'Sent' },
      handler: async ({ params, body }) => {
        exists(params.id);
        await messaging.chats.presence(params.id, chatJid(params.chat), body.state);
      },
    }),
  ];
}
