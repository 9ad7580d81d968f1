import { contactPresenceSchema } from '../../../src-shared/contract/contact-presence.js';
import { contactPresenceHandlers } from '../../rpc/contact-presence-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { chatParams } from './common.js';

type ChatRequest = { params: { id: string; chat: string } };

/** A customer's presence (issue #19): an adapter onto `contactPresence.watch`. */
export function contactPresenceRoutes(services: Services) {
  const route = operationRoutes(contactPresenceHandlers(services));
  return [
    route('contactPresence.watch', {
      method: 'post',
      path: '/sessions/:id/chats/:chat/presence-subscription',
      tag: 'chats',
      summary: 'Subscribe to the contact’s presence; answers what is known now',
      description:
        'One-to-one chats only. WhatsApp then pushes the contact’s online / offline (with last seen where ' +
        'they share it) while the number stays connected; each change is announced as `contact.presence`. ' +
        'Typing and recording arrive as `contact.presence` (and `presence.updated`) without a subscription. ' +
        'Presence WhatsApp reports by LID is matched to the phone-number chat. WhatsApp forgets subscriptions ' +
        'when the connection closes: Chatdock renews the chats watched most recently (up to 200 per number) ' +
        'after every reconnect.',
      params: chatParams,
      input: ({ params }: ChatRequest) => ({ session: params.id, chat: params.chat }),
      response: { status: 200, description: 'What is known now', schema: contactPresenceSchema },
    }),
  ];
}
