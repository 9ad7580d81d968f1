import { z } from 'zod';
import {
  createSavedReplyInput,
  renderedReplySchema,
  savedReplyListSchema,
  savedReplySchema,
  updateSavedReplyInput,
} from '../../../src-shared/contract/organize.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import type { Services } from '../../services/index.js';
import { organizeHandlers } from '../../rpc/organize-handlers.js';
import { operationRoutes } from '../operation-route.js';
import { onePage } from './common.js';
import { defineRoute } from '../route.js';

const idParams = z.object({ id: z.string().min(1).describe('Saved reply id (`reply_…`)') });

const PLACEHOLDER_HELP =
  'The text may contain `[name]` (the contact’s name, or the phone number without one), `[first_name]` and ' +
  '`[phone]`; other `[words]` are left as typed.';

const renderParams = z.object({ id: sessionIdSchema, chat: z.string().min(1), replyId: z.string().min(1) });

/**
 * Saved replies: adapters onto the `savedReplies.*` operations; only "get one", which has no
 * operation (the UI reads the list), is written here.
 */
export function savedReplyRoutes(services: Services) {
  const tag = 'saved replies';
  const { savedReplies } = services.organize;
  const route = operationRoutes(organizeHandlers(services));

  return [
    route('savedReplies.list', {
      method: 'get',
      path: '/saved-replies',
      tag,
      summary: 'List saved replies',
      response: { status: 200, description: 'Every saved reply, by shortcut', schema: savedReplyListSchema },
      answer: onePage,
    }),
    route('savedReplies.create', {
      method: 'post',
      path: '/saved-replies',
      tag,
      summary: 'Create a saved reply',
      description: `Shortcuts are 1–32 of \`a-z 0-9 _ -\`, unique (409 CONFLICT naming \`shortcut\`). ${PLACEHOLDER_HELP}`,
      largeBody: true,
      body: createSavedReplyInput,
      response: { status: 201, description: 'The saved reply', schema: savedReplySchema },
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
    route('savedReplies.update', {
      method: 'patch',
      path: '/saved-replies/:id',
      tag,
      summary: 'Change a saved reply',
      description: 'Only the fields given change; `media: null` removes the media.',
      largeBody: true,
      params: idParams,
      body: updateSavedReplyInput,
      response: { status: 200, description: 'The saved reply', schema: savedReplySchema },
    }),
    route('savedReplies.delete', {
      method: 'delete',
      path: '/saved-replies/:id',
      tag,
      summary: 'Delete a saved reply',
      params: idParams,
      response: { status: 204, description: 'Deleted' },
    }),
    route('savedReplies.render', {
      method: 'get',
      path: '/sessions/:id/chats/:chat/saved-replies/:replyId/render',
      tag,
      summary: 'A saved reply with its placeholders filled for a chat',
      description: `Nothing is sent: send the result with POST /sessions/{id}/messages. ${PLACEHOLDER_HELP}`,
      params: renderParams,
      input: ({ params }: { params: z.output<typeof renderParams> }) => ({
        session: params.id,
        chat: params.chat,
        id: params.replyId,
      }),
      response: {
        status: 200,
        description: 'The text to send, and the media if any',
        schema: renderedReplySchema,
      },
    }),
  ];
}
