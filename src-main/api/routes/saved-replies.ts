import { z } from 'zod';
import {
  createSavedReplyInput,
  renderedReplySchema,
  savedReplyListSchema,
  savedReplySchema,
  updateSavedReplyInput,
} from '../../../src-shared/contract/organize.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { toJid } from '../../../src-shared/jid.js';
import type { Services } from '../../services/index.js';
import { MANAGE_SAVED_REPLIES } from '../../../src-shared/access.js';
import { defineRoute } from '../route.js';

const idParams = z.object({ id: z.string().min(1).describe('Saved reply id (`reply_…`)') });

const PLACEHOLDER_HELP =
  'The text may contain `[name]` (the contact’s name, or the phone number without one), `[first_name]` and ' +
  '`[phone]`; other `[words]` are left as typed.';

export function savedReplyRoutes({ organize, sessions }: Services) {
  const tag = 'saved replies';
  const { savedReplies } = organize;

  return [
    defineRoute({
      method: 'get',
      path: '/saved-replies',
      tag,
      summary: 'List saved replies',
      access: { scope: 'messages:read' },
      response: { status: 200, description: 'Every saved reply, by shortcut', schema: savedReplyListSchema },
      handler: () => {
        return { items: savedReplies.list(), next: null };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/saved-replies',
      tag,
      summary: 'Create a saved reply',
      description: `Shortcuts are 1–32 of \`a-z 0-9 _ -\`, unique (409 CONFLICT naming \`shortcut\`). ${PLACEHOLDER_HELP}`,
      largeBody: true,
      access: MANAGE_SAVED_REPLIES,
      body: createSavedReplyInput,
      response: { status: 201, description: 'The saved reply', schema: savedReplySchema },
      handler: ({ body }) => {
        return savedReplies.create(body);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/saved-replies/:id',
      tag,
      summary: 'Get a saved reply',
      access: { scope: 'messages:read' },
      params: idParams,
      response: { status: 200, description: 'The saved reply', schema: savedReplySchema },
      handler: ({ params }) => {
        return savedReplies.get(params.id);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/saved-replies/:id',
      tag,
      summary: 'Change a saved reply',
      description: 'Only the fields given change; `media: null` removes the media.',
      largeBody: true,
      access: MANAGE_SAVED_REPLIES,
      params: idParams,
      body: updateSavedReplyInput,
      response: { status: 200, description: 'The saved reply', schema: savedReplySchema },
      handler: ({ params, body }) => {
        return savedReplies.update(params.id, body);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/saved-replies/:id',
      tag,
      summary: 'Delete a saved reply',
      access: MANAGE_SAVED_REPLIES,
      params: idParams,
      response: { status: 204, description: 'Deleted' },
      handler: ({ params }) => {
        savedReplies.delete(params.id);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/chats/:chat/saved-replies/:replyId/render',
      tag,
      summary: 'A saved reply with its placeholders filled for a chat',
      description: `Nothing is sent: send the result with POST /sessions/{id}/messages. ${PLACEHOLDER_HELP}`,
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: z.object({ id: sessionIdSchema, chat: z.string().min(1), replyId: z.string().min(1) }),
      response: {
        status: 200,
        description: 'The text to send, and the media if any',
        schema: renderedReplySchema,
      },
      handler: ({ params }) => {
        sessions.get(params.id);
        return savedReplies.render(params.replyId, params.id, toJid(params.chat, 'chat'));
      },
    }),
  ];
}
