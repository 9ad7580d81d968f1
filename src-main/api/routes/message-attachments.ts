import { z } from 'zod';
import { exampleOf } from '../../../src-shared/examples.js';
import { messageSchema } from '../../../src-shared/messages.js';
import { MAX_ATTACHMENTS, sendAttachmentsSchema } from '../../../src-shared/send-schemas.js';
import type { Services } from '../../services/index.js';
import { defineRoute } from '../route.js';
import { sessionParams } from './common.js';

const sentList = z
  .object({ items: z.array(messageSchema).describe('One message per attachment, in the order given') })
  .meta({ id: 'SentAttachments', example: { items: [exampleOf(messageSchema)] } });

/**
 * Several attachments in one call (issue #26 point 6, seed 003). Hand-written: the
 * `Idempotency-Key` is HTTP's, and there is no UI operation for it (the composer sends one file).
 */
export function messageAttachmentRoutes({ messaging, actors, assignment }: Services) {
  return [
    defineRoute({
      method: 'post',
      path: '/sessions/:id/messages/attachments',
      tag: 'messages',
      summary: 'Send several attachments in one call',
      description:
        `Up to ${MAX_ATTACHMENTS} images, videos, audio, documents or stickers to one chat, sent in the order given, ` +
        'one message each (as WhatsApp sends an album). Each `media` is a `url`, `data` or a media library ' +
        '`mediaId`. Every file is checked before the first is sent: a bad one (named as `attachments.<n>.…`) ' +
        'sends nothing. `replyTo` quotes with the first. An `Idempotency-Key` covers the whole call: a retry ' +
        'answers the messages already sent and sends only those that were not.',
      largeBody: true,
      // One call takes one send from the budgets, however many attachments it carries.
      access: { scope: 'messages:send', session: ({ params }) => params.id, limits: ['send'] },
      params: sessionParams,
      body: sendAttachmentsSchema,
      idempotent: true,
      response: { status: 201, description: 'The sent messages as stored, in order', schema: sentList },
      handler: async ({ params, body, idempotencyKey, principal }) => {
        const actor = actors.of(principal);
        assignment.foreignReply.assertMayReply(params.id, body.to, actor);
        const items = await messaging.send.sendAttachments(params.id, body, idempotencyKey, actor);
        return { items };
      },
    }),
  ];
}
