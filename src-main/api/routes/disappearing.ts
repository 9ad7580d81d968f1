import type { z } from 'zod';
import { disappearingInputSchema } from '../../../src-shared/contract/disappearing.js';
import { chatSchema } from '../../../src-shared/messages.js';
import { disappearingHandlers } from '../../rpc/disappearing-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { chatParams } from './common.js';

type Request = { params: z.output<typeof chatParams>; body: z.output<typeof disappearingInputSchema> };

/** Disappearing messages in a chat (issue #19): an adapter onto `disappearing.set`. */
export function disappearingRoutes(services: Services) {
  const route = operationRoutes(disappearingHandlers(services));
  return [
    route('disappearing.set', {
      method: 'put',
      path: '/sessions/:id/chats/:chat/disappearing',
      tag: 'chats',
      summary: 'Turn disappearing messages on or off in a chat',
      description:
        'One-to-one chats and groups. WhatsApp tells the customer (in a group, every member) and the ' +
        "number's phone; Chatdock keeps the messages it has stored. In a group whose info only admins " +
        'edit (`restrict`), only admins may: a plain member gets 403 `FORBIDDEN` naming `chat`. ' +
        "The chat's `ephemeralSeconds` " +
        'shows the timer; `chat.ephemeral_changed` announces every change, also ones made on a phone.',
      params: chatParams,
      body: disappearingInputSchema,
      input: ({ params, body }: Request) => ({ session: params.id, chat: params.chat, ...body }),
      response: { status: 200, description: 'The chat with its new timer', schema: chatSchema },
    }),
  ];
}
