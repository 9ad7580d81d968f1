import { z } from 'zod';
import { postStatusSchema, statusUpdateSchema } from '../../../src-shared/contract/status.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { exampleOf } from '../../../src-shared/examples.js';
import { statusHandlers } from '../../rpc/status-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { defineRoute } from '../route.js';
import { sessionParams } from './common.js';
import { sessionExists } from './session-guard.js';
import { sessionBodyInput } from './session-input.js';

const statusParams = z.object({ id: sessionIdSchema, statusId: z.string().min(1).max(128) });
type StatusRequest = { params: { id: string; statusId?: string }; query?: object; body?: object };
/** `/sessions/:id/status…` → the operations' `session`, with the query's or body's fields. */
const statusInput = ({ params: { id, ...params }, query, body }: StatusRequest) => ({
  ...query,
  ...body,
  ...params,
  session: id,
});

const statusList = z
  .object({ items: z.array(statusUpdateSchema) })
  .meta({ id: 'StatusList', example: { items: [exampleOf(statusUpdateSchema)] } });

/**
 * Status (stories, issue #19): adapters onto the `status.*` operations (access and handler live
 * there), and the photo or video of a Status as bytes (HTTP-only: a binary answer).
 */
export function statusRoutes(services: Services) {
  const route = operationRoutes(statusHandlers(services));
  const exists = sessionExists(services.sessions);
  const tag = 'status';
  return [
    route('status.list', {
      method: 'get',
      path: '/sessions/:id/status',
      tag,
      summary: "The number's Status updates of the last 24 hours (unseen first, then newest)",
      description:
        "Contacts' Status (stories) and the number's own posts. `poster` narrows to one contact (phone number or JID), `mine=true` to our own posts, `mine=false` to the contacts'.",
      params: sessionParams,
      query: z.object({
        poster: z.string().min(1).optional(),
        mine: z
          .enum(['true', 'false'])
          .transform((value) => value === 'true')
          .optional(),
        limit: z.coerce.number().int().min(1).max(500).default(200),
      }),
      input: statusInput,
      response: { status: 200, description: 'Status updates', schema: statusList },
    }),
    route('status.post', {
      method: 'post',
      path: '/sessions/:id/status',
      tag,
      summary: 'Post a Status (text on a colour, photo or video) to all contacts or a chosen list',
      description:
        'With an `Idempotency-Key`, a retry (also after a crash mid-post) answers the first post and posts nothing twice.',
      idempotent: true,
      params: sessionParams,
      body: postStatusSchema,
      input: sessionBodyInput,
      response: { status: 201, description: 'The posted Status', schema: statusUpdateSchema },
    }),
    route('status.get', {
      method: 'get',
      path: '/sessions/:id/status/:statusId',
      tag,
      summary: 'One Status update',
      params: statusParams,
      input: statusInput,
      response: { status: 200, description: 'The Status', schema: statusUpdateSchema },
    }),
    route('status.markSeen', {
      method: 'post',
      path: '/sessions/:id/status/:statusId/seen',
      tag,
      summary: "Mark a contact's Status seen (the read receipt goes to the poster)",
      params: statusParams,
      input: statusInput,
      response: { status: 200, description: 'The Status, seen', schema: statusUpdateSchema },
    }),
    route('status.reply', {
      method: 'post',
      path: '/sessions/:id/status/:statusId/reply',
      tag,
      summary: "Reply privately to a contact's Status (a message to their chat quoting it)",
      params: statusParams,
      body: z
        .object({ text: z.string().trim().min(1, 'must not be empty').max(4096) })
        .strict()
        .meta({ example: { text: 'Love it! Is it still in stock?' } }),
      input: statusInput,
      response: {
        status: 201,
        description: 'The reply: its chat and message id',
        schema: z.object({ chat: z.string(), messageId: z.string() }).meta({
          id: 'StatusReply',
          example: { chat: '972501234567@s.whatsapp.net', messageId: '3EB0D1E2F3A4B5C6D7E8' },
        }),
      },
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/status/:statusId/media',
      tag,
      summary: 'The photo or video of a Status',
      description: 'The file itself, downloaded from WhatsApp first if needed. 404 for a text Status.',
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: statusParams,
      response: { status: 200, description: 'The photo or video', contentType: 'application/octet-stream' },
      handler: async ({ params, ctx }) => {
        exists(params.id);
        const file = await services.messaging.status.media(params.id, params.statusId);
        ctx.type = file.mimetype;
        ctx.set('Cache-Control', 'private, max-age=3600');
        ctx.body = file.bytes;
        return undefined;
      },
    }),
  ];
}
