import { z } from 'zod';
import { setStaffPresenceInput, staffPresenceListSchema } from '../../../src-shared/contract/presence.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { presenceHandlers } from '../../rpc/presence-handlers.js';
import type { Services } from '../../services/index.js';
import { csrfTokenOf } from '../auth.js';
import { operationRoute, type RestContext } from '../operation-route.js';

const chatParams = z.object({
  session: sessionIdSchema,
  chat: z.string().min(1).describe('The chat: a JID or a phone number'),
});

/**
 * Staff presence (issue #16's collision guard): thin adapters onto `staffPresence.*`, for a
 * person's own client (a key's or the desktop's presence is ignored: they are nobody).
 */
export function presenceRoutes(services: Services) {
  const ops = presenceHandlers(services);
  const rest: RestContext = (ctx, principal) => ({
    transport: 'http',
    principal,
    csrfToken: csrfTokenOf(ctx),
    address: ctx.socket.remoteAddress ?? null,
  });
  const tag = 'assignment';
  const path = '/sessions/:session/chats/:chat/staff-presence';
  return [
    operationRoute(
      ops,
      'staffPresence.list',
      {
        method: 'get',
        path,
        tag,
        summary: 'Who else of the staff is viewing or typing in a chat now',
        description:
          'In memory: an entry lasts 45 s after its last `viewing`, typing 7 s after its last `typing`.',
        params: chatParams,
        response: { status: 200, description: 'The others in the chat', schema: staffPresenceListSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'staffPresence.set',
      {
        method: 'put',
        path,
        tag,
        summary: 'Say I am viewing, typing in, or gone from a chat',
        description:
          'For people who may write in the chat. Send `viewing` when the chat opens and every ~20 s while it stays open, `typing` while writing, `gone` ' +
          'when it closes. Changes are announced as `staff.presence` to who may read the chat.',
        params: chatParams,
        body: setStaffPresenceInput
          .omit({ session: true, chat: true })
          .meta({ example: { state: 'typing' } }),
        response: {
          status: 200,
          description: 'Taken into account',
          schema: z.object({ ok: z.literal(true) }).meta({ id: 'Ok', example: { ok: true } }),
        },
      },
      rest,
    ),
  ];
}
