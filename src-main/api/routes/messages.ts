import { z } from 'zod';
import { exampleOf } from '../../../src-shared/examples.js';
import { messageSchema } from '../../../src-shared/messages.js';
import { scheduleSchema, sendOrScheduleSchema } from '../../../src-shared/contract/schedule.js';
import type { SendMessageInput } from '../../../src-shared/send-schemas.js';
import { restMessagingHandlers } from '../../rpc/messaging-handlers.js';
import { scheduleHandlers } from '../../rpc/schedule-handlers.js';
import type { Services } from '../../services/index.js';
import type { UploadedForm } from '../multipart.js';
import { operationChoiceRoutes } from '../operation-route.js';
import { sessionParams } from './common.js';

const searchList = z
  .object({ items: z.array(messageSchema), next: z.string().nullable() })
  .meta({ id: 'MessageSearchResults', example: { items: [exampleOf(messageSchema)], next: '18342' } });
const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'is required')
    .describe('Words (all must match), "a phrase", or pref* for a prefix'),
  chat: z.string().optional().describe('Only this chat (JID)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^\d+$/, 'must be a cursor this API returned').optional(),
});
/** A number's messages: a search with `q`, else its latest sent or received ones across chats. */
const sessionMessagesQuery = searchQuery
  .extend({
    q: searchQuery.shape.q.optional(),
    direction: z
      .enum(['sent', 'received'])
      .optional()
      .describe(
        'Without `q`: the latest messages the number sent or received, across its chats (required then)',
      ),
    cursor: z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'must be a cursor this API returned')
      .optional(),
  })
  .superRefine((query, ctx) => {
    if (query.q !== undefined) {
      if (query.cursor?.includes('.'))
        ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'must be a cursor this API returned' });
      return;
    }
    if (!query.direction)
      ctx.addIssue({
        code: 'custom',
        path: ['direction'],
        message: 'is required without q (sent or received)',
      });
    if (query.chat !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['chat'],
        message: 'needs q; read one chat at /sessions/{id}/chats/{chat}/messages',
      });
    if (query.cursor !== undefined && !query.cursor.includes('.'))
      ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'must be a cursor this API returned' });
  });

/** A multipart upload becomes the JSON body: the file as a data: URL in `media`. */
function sendFormToBody(form: UploadedForm): unknown {
  const { fields, file } = form;
  const body: Record<string, unknown> = { ...fields };
  for (const flag of ['voiceNote', 'gif'] as const) if (flag in fields) body[flag] = fields[flag] === 'true';
  if (file) {
    body.media = {
      data: `data:${file.mimetype};base64,${file.bytes.toString('base64')}`,
      ...(file.fileName ? { fileName: file.fileName } : {}),
    };
  }
  return body;
}

type SessionRequest<Query = unknown, Body = unknown> = { params: { id: string }; query: Query; body: Body };
type SearchQuery = z.output<typeof searchQuery>;
type SessionMessagesQuery = z.output<typeof sessionMessagesQuery>;
type SendOrSchedule = z.output<typeof sendOrScheduleSchema>;
type SearchPage = { items: unknown[]; next: number | null };

/** REST's search cursor is a string of digits; the operation's a number. */
const searchCursor = (cursor: string | undefined) => (cursor ? Number(cursor) : undefined);
const searchAnswer = (result: SearchPage) => ({
  items: result.items,
  next: result.next === null ? null : String(result.next),
});

/**
 * Sending, a number's messages and search: adapters onto `messages.send` (or, with `sendAt`,
 * `schedules.create`), `messages.search` and `messages.latest` (access and handler live there).
 */
export function messageRoutes(services: Services) {
  const tag = 'messages';
  const choice = operationChoiceRoutes({ ...restMessagingHandlers(services), ...scheduleHandlers(services) });

  return [
    choice('messages.send', {
      method: 'post',
      path: '/sessions/:id/messages',
      tag,
      summary: 'Send a message',
      description:
        'Text, media (image, video, audio or voice note, document, sticker) by https `url`, `data:` URL, base64 ' +
        'or a multipart upload (`file` part), location, contact cards, reaction or poll. Send `Idempotency-Key` to ' +
        'make retries safe. Numbers without WhatsApp, read-only chats and unknown `replyTo` ids are refused ' +
        'before anything is sent. With `sendAt` (ISO-8601 with offset; optional `timeZone`, `repeat`) nothing is ' +
        'sent now: the answer is the created Schedule (see /schedules).',
      largeBody: true,
      params: sessionParams,
      body: sendOrScheduleSchema,
      upload: sendFormToBody,
      idempotent: true,
      // Sent now, or scheduled: `schedules.create` is then authorized by its own declaration
      // (owners and admins, as /rpc), and the send budgets are taken either way.
      choose: ({ params, body }: SessionRequest<unknown, SendOrSchedule>) => {
        const { sendAt, timeZone, repeat, ...rest } = body;
        const message = rest as SendMessageInput;
        return sendAt
          ? { op: 'schedules.create', input: { session: params.id, message, sendAt, timeZone, repeat } }
          : { op: 'messages.send', input: { session: params.id, message } };
      },
      // The message's fields are the body's own here: `message.to` → `to`.
      restField: (field) => field.replace(/^message\./, ''),
      response: {
        status: 201,
        description: 'The sent message as stored, or the Schedule when `sendAt` was given',
        schema: z.union([messageSchema, scheduleSchema]),
      },
    }),
    choice('messages.search', {
      method: 'get',
      path: '/sessions/:id/messages',
      tag,
      summary: "Search a number's messages, or list its latest sent or received ones",
      description:
        'With `q`: messages matching the words, newest first. Without `q`: the latest messages the number ' +
        '`direction=sent` or `received`, across all its chats, newest first (`next` pages further back). ' +
        'A person who reads only assigned chats gets messages of their own chats only.',
      params: sessionParams,
      query: sessionMessagesQuery,
      choose: ({ params, query }: SessionRequest<SessionMessagesQuery>) =>
        query.q === undefined
          ? {
              op: 'messages.latest',
              input: {
                session: params.id,
                direction: query.direction,
                limit: query.limit,
                cursor: query.cursor,
              },
            }
          : {
              op: 'messages.search',
              input: { ...query, session: params.id, cursor: searchCursor(query.cursor) },
            },
      answer: (result: SearchPage | { items: unknown[]; next: string | null }, _input, op) =>
        op === 'messages.search' ? searchAnswer(result as SearchPage) : result,
      response: { status: 200, description: 'Messages, newest first', schema: searchList },
    }),
    choice('messages.search', {
      method: 'get',
      path: '/search',
      tag,
      summary: 'Search stored messages across sessions',
      description: 'A session key searches its own session only.',
      sessionless: true,
      query: searchQuery,
      choose: ({ query }: { query: SearchQuery }) => ({
        op: 'messages.search',
        input: { ...query, cursor: searchCursor(query.cursor) },
      }),
      answer: searchAnswer,
      response: { status: 200, description: 'Matching messages, newest first', schema: searchList },
    }),
  ];
}
