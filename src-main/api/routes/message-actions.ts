import { z } from 'zod';
import { AppError } from '../../../src-shared/errors.js';
import { messageSchema } from '../../../src-shared/messages.js';
import type { Services } from '../../services/index.js';
import { defineRoute } from '../route.js';
import { messageParams } from './common.js';

export function messageActionRoutes({ messaging, sessions }: Services) {
  const tag = 'messages';
  /** The message a route addresses; 404 when this session has no message with that id. */
  const find = (sessionId: string, msgId: string) => {
    sessions.get(sessionId);
    const row = messaging.store.findById(sessionId, msgId);
    if (!row) throw new AppError('NOT_FOUND', `no message "${msgId}" in session "${sessionId}"`, 'msgId');
    return row;
  };

  return [
    defineRoute({
      method: 'get',
      path: '/sessions/:id/messages/:msgId/media',
      tag,
      summary: 'Download the media of a message',
      description:
        'The file itself, with its Content-Type and file name. Downloaded from WhatsApp first if needed.',
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: messageParams,
      response: { status: 200, description: 'The file', contentType: 'application/octet-stream' },
      handler: async ({ params, ctx }) => {
        const row = find(params.id, params.msgId);
        const file = await messaging.media.ensure(params.id, row.chatJid, row.id);
        ctx.type = file.mimetype;
        if (file.fileName) ctx.attachment(file.fileName, { type: 'inline' });
        ctx.set('Cache-Control', 'private, max-age=31536000, immutable');
        ctx.body = file.bytes;
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/messages/:msgId',
      tag,
      summary: 'Get a message',
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: messageParams,
      response: { status: 200, description: 'The message', schema: messageSchema },
      handler: ({ params }) => {
        const row = find(params.id, params.msgId);
        return messaging.store.get(params.id, row.chatJid, row.id);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/sessions/:id/messages/:msgId',
      tag,
      summary: 'Edit one of your messages',
      access: { scope: 'messages:send', session: ({ params }) => params.id },
      params: messageParams,
      body: z
        .object({ text: z.string().trim().min(1, 'must not be empty').max(65536) })
        .strict()
        .meta({ example: { text: 'Pickup at 18:30 instead of 18:00' } }),
      response: { status: 200, description: 'The edited message', schema: messageSchema },
      handler: ({ params, body }) => {
        const row = find(params.id, params.msgId);
        return messaging.send.edit(params.id, row.chatJid, row.id, body.text);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/sessions/:id/messages/:msgId',
      tag,
      summary: 'Delete one of your messages for everyone',
      access: { scope: 'messages:send', session: ({ params }) => params.id },
      params: messageParams,
      response: { status: 200, description: 'The message, now marked deleted', schema: messageSchema },
      handler: ({ params }) => {
        const row = find(params.id, params.msgId);
        return messaging.send.revoke(params.id, row.chatJid, row.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/sessions/:id/messages/:msgId/react',
      tag,
      summary: 'React to a message (an empty emoji removes your reaction)',
      access: { scope: 'messages:send', session: ({ params }) => params.id },
      params: messageParams,
      body: z
        .object({ emoji: z.string().max(16) })
        .strict()
        .meta({ example: { emoji: '👍' } }),
      response: { status: 200, description: 'The message with its reactions', schema: messageSchema },
      handler: ({ params, body }) => {
        const row = find(params.id, params.msgId);
        return messaging.send.send(params.id, {
          type: 'reaction',
          to: row.chatJid,
          messageId: row.id,
          emoji: body.emoji,
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/sessions/:id/messages/:msgId/forward',
      tag,
      summary: 'Forward a message to another chat',
      access: { scope: 'messages:send', session: ({ params }) => params.id },
      params: messageParams,
      body: z
        .object({ to: z.string().min(1, 'is required') })
        .strict()
        .meta({ example: { to: '+972 50-765-4321' } }),
      response: { status: 201, description: 'The forwarded copy', schema: messageSchema },
      handler: ({ params, body }) => {
        const row = find(params.id, params.msgId);
        return messaging.send.forward(params.id, row.chatJid, row.id, body.to);
      },
    }),
  ];
}
