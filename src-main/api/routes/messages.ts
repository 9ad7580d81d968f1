import { z } from 'zod';
import { exampleOf } from '../../../src-shared/examples.js';
import { messageSchema } from '../../../src-shared/messages.js';
import { scheduleSchema, sendOrScheduleSchema } from '../../../src-shared/contract/schedule.js';
import type { SendMessageInput } from '../../../src-shared/send-schemas.js';
import type { Services } from '../../services/index.js';
import type { UploadedForm } from '../multipart.js';
import { assignedOnlySessions, canReadChat, ownSessionOf } from '../../services/access/authorizer.js';
import { defineRoute } from '../route.js';
import { sessionExists } from './session-guard.js';
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

export function messageRoutes({ messaging, sessions, scheduling, actors, assignment }: Services) {
  const exists = sessionExists(sessions);
  const tag = 'messages';

  return [
    defineRoute({
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
      access: { scope: 'messages:send', session: ({ params }) => params.id, limits: ['send'] },
      params: sessionParams,
      body: sendOrScheduleSchema,
      upload: sendFormToBody,
      idempotent: true,
      response: {
        status: 201,
        description: 'The sent message as stored, or the Schedule when `sendAt` was given',
        schema: z.union([messageSchema, scheduleSchema]),
      },
      handler: ({ params, body, idempotencyKey, principal }) => {
        const { sendAt, timeZone, repeat, ...rest } = body;
        const message = rest as SendMessageInput;
        if (sendAt) {
          const schedule = { session: params.id, message, sendAt, timeZone, repeat };
          return scheduling.schedules.create(schedule, idempotencyKey);
        }
        const actor = actors.of(principal);
        assignment.foreignReply.assertMayReply(params.id, message.to, actor);
        return messaging.send.send(params.id, message, idempotencyKey, actor);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/messages',
      tag,
      summary: "Search a number's messages, or list its latest sent or received ones",
      description:
        'With `q`: messages matching the words, newest first. Without `q`: the latest messages the number ' +
        '`direction=sent` or `received`, across all its chats, newest first (`next` pages further back). ' +
        'A person who reads only assigned chats gets messages of their own chats only.',
      access: {
        scope: 'messages:read',
        session: ({ params }) => params.id,
        chat: ({ query }) => query.chat,
        filtersChats: true,
      },
      params: sessionParams,
      query: sessionMessagesQuery,
      response: { status: 200, description: 'Messages, newest first', schema: searchList },
      handler: ({ params, query, principal }) => {
        exists(params.id);
        if (query.q === undefined) {
          const own = assignedOnlySessions(principal);
          const result = messaging.latest.list({
            sessionId: params.id,
            direction: query.direction ?? 'received',
            limit: query.limit,
            cursor: query.cursor,
            ownChats: own?.sessions.has(params.id) ? own : undefined,
          });
          return { items: result.messages, next: result.next };
        }
        const result = messaging.history.search({
          query: query.q,
          sessionId: params.id,
          chatJid: query.chat,
          limit: query.limit,
          beforeRowId: query.cursor ? Number(query.cursor) : undefined,
        });
        const wanted = query.direction === undefined ? null : query.direction === 'sent';
        return {
          items: result.messages.filter(
            (hit) =>
              canReadChat(principal, hit.session, hit.chat) && (wanted === null || hit.fromMe === wanted),
          ),
          next: result.nextRowId === null ? null : String(result.nextRowId),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/search',
      tag,
      summary: 'Search stored messages across sessions',
      description: 'A session key searches its own session only.',
      access: { scope: 'messages:read' },
      query: searchQuery,
      response: { status: 200, description: 'Matching messages, newest first', schema: searchList },
      handler: ({ query, principal }) => {
        const sessionId = ownSessionOf(principal);
        const result = messaging.history.search({
          query: query.q,
          sessionId,
          chatJid: query.chat,
          limit: query.limit,
          beforeRowId: query.cursor ? Number(query.cursor) : undefined,
        });
        return {
          items: result.messages.filter((hit) => canReadChat(principal, hit.session, hit.chat)),
          next: result.nextRowId === null ? null : String(result.nextRowId),
        };
      },
    }),
  ];
}
