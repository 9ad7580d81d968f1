import { z } from 'zod';
import { exampleOf } from '../../../src-shared/examples.js';
import { chatWithTagsSchema, messageSchema } from '../../../src-shared/messages.js';
import { chatViewQuery } from '../../../src-shared/contract/assignment.js';
import { restMessagingHandlers } from '../../rpc/messaging-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { chatParams, sessionParams } from './common.js';

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
  const ms = /^\d+$/.test(value)
    ? value.length <= 10
      ? Number(value) * 1000
      : Number(value)
    : Date.parse(value);
  // Digits beyond any date (a safe integer) are refused like any other non-time.
  if (!Number.isSafeInteger(ms)) {
    ctx.addIssue({ code: 'custom', message: 'must be ISO-8601 or unix seconds' });
    return z.NEVER;
  }
  return ms;
});
const historyQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: instant.optional().describe('ISO-8601 or unix seconds: only older messages'),
  after: instant.optional().describe('ISO-8601 or unix seconds: only newer messages'),
  cursor: z
    .string()
    .regex(/^\d+\.\d+$/, 'must be a `next` value this API returned')
    .optional()
    .describe('The `next` of the previous page'),
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

const chatChange = z
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
  .meta({ example: { pinned: true, mutedUntil: '2026-11-22T08:00:00+02:00' } });

type ChatRequest<Body = object> = { params: z.output<typeof chatParams>; body?: Body };
const chatOf = ({ params }: ChatRequest) => ({ session: params.id, chat: params.chat });
const chatWith = ({ params, body }: ChatRequest) => ({ ...body, ...chatOf({ params }) });
type ListQuery = z.output<typeof chatListQuery>;
type HistoryRequest = ChatRequest & { query: z.output<typeof historyQuery> };

/** REST pages a chat by time or by `cursor` (which wins); `messages.page` takes both. */
const historyInput = ({ params, query }: HistoryRequest) => ({
  ...chatOf({ params }),
  limit: query.limit,
  ...(query.cursor ? { before: query.cursor } : { beforeTime: query.before, afterTime: query.after }),
});

/** Chats, one chat and its history: adapters onto `chats.*` and `messages.page` (access and handler live there). */
export function chatRoutes(services: Services) {
  const tag = 'chats';
  const route = operationRoutes(restMessagingHandlers(services));
  return [
    route('chats.list', {
      method: 'get',
      path: '/sessions/:id/chats',
      tag,
      summary: 'List chats, most recent first',
      description:
        'The inbox views as filters (`assignee`, `team`, `status`). A person who reads only assigned chats ' +
        'of this number lists their own chats and their teams’ unassigned ones.',
      params: sessionParams,
      query: chatListQuery,
      input: ({ params, query }: { params: { id: string }; query: ListQuery }) => ({
        ...query,
        session: params.id,
      }),
      response: { status: 200, description: 'A page of chats', schema: chatList },
    }),
    route('chats.list', {
      method: 'get',
      path: '/chats',
      tag,
      summary: 'List chats of every session, most recent first',
      sessionless: true,
      query: chatListQuery,
      input: ({ query }: { query: ListQuery }) => query,
      response: { status: 200, description: 'A page of chats', schema: chatList },
    }),
    route('chats.get', {
      method: 'get',
      path: '/sessions/:id/chats/:chat',
      tag,
      summary: 'Get a chat',
      params: chatParams,
      input: chatOf,
      response: { status: 200, description: 'The chat', schema: chatWithTagsSchema },
    }),
    route('chats.update', {
      method: 'patch',
      path: '/sessions/:id/chats/:chat',
      tag,
      summary: 'Archive, pin, mute or mark unread a chat',
      params: chatParams,
      body: chatChange,
      input: chatWith,
      response: { status: 200, description: 'The chat', schema: chatWithTagsSchema },
    }),
    route('messages.page', {
      method: 'get',
      path: '/sessions/:id/chats/:chat/messages',
      tag,
      summary: 'Message history of a chat, newest first',
      description:
        'Pages by time, so new messages never shift a page. Start with `before` / `after` (or neither for ' +
        "the newest), then pass each answer's `next` as `cursor` for the next older page: it points at the " +
        'exact message, so messages sharing a second are never skipped.',
      params: chatParams,
      query: historyQuery,
      input: historyInput,
      response: { status: 200, description: 'A page of messages', schema: messagePage },
    }),
    route('messages.waiting', {
      method: 'get',
      path: '/sessions/:id/chats/:chat/paced',
      tag,
      summary: "This group's API sends still waiting their human pause",
      description:
        'Each as `message.paced` announced it (`status: "pending"`, `sendAt`), oldest first; a send leaves the list ' +
        'when `message.sent` (or, failed for good, `message.paced` with `status: "error"`) announces it. Empty for ' +
        'chats without paced sends.',
      params: chatParams,
      input: chatWith,
      response: {
        status: 200,
        description: 'The waiting sends',
        schema: z
          .object({ items: z.array(messageSchema) })
          .meta({ id: 'PacedSends', example: { items: [exampleOf(messageSchema)] } }),
      },
    }),
    route('chats.read', {
      method: 'post',
      path: '/sessions/:id/chats/:chat/read',
      tag,
      summary: 'Mark a chat read (sends read receipts)',
      description:
        'Without a body (or without `messageIds`) the whole chat: its unread count goes to 0 and read receipts ' +
        'go out for what was unread. With `messageIds` read receipts go out for those received messages only ' +
        '(up to 100; an unknown id or one of our own is a 400 naming it) and the unread count stays.',
      params: chatParams,
      body: markReadBody,
      input: chatWith,
      response: { status: 200, description: 'The chat', schema: chatWithTagsSchema },
    }),
    route('chats.presence', {
      method: 'post',
      path: '/sessions/:id/chats/:chat/presence',
      tag,
      summary: 'Show typing or recording in a chat',
      params: chatParams,
      body: z
        .object({ state: z.enum(['composing', 'recording', 'paused']) })
        .strict()
        .meta({ example: { state: 'composing' } }),
      input: chatWith,
      answer: () => undefined,
      response: { status: 204, description: 'Sent' },
    }),
  ];
}
