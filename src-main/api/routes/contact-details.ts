import { z } from 'zod';
import { contactDevicesSchema } from '../../../src-shared/contract/contact-details.js';
import { contactDetailHandlers } from '../../rpc/contact-detail-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { contactInput } from './session-input.js';

const contactParams = z.object({
  id: z.string().describe('Session id'),
  jid: z.string().describe('The person: a JID or a phone number'),
});

/** Contact details asked from WhatsApp: adapters onto `contactDetails.*` operations (issue #26 point 8). */
export function contactDetailRoutes(services: Services) {
  const route = operationRoutes(contactDetailHandlers(services));
  return [
    route('contactDetails.devices', {
      method: 'get',
      path: '/sessions/:id/contacts/:jid/devices',
      tag: 'contacts',
      summary: "A person's devices: the phone and each linked device",
      description:
        'Asked from WhatsApp each time (its device list, as a sender uses it; for the number itself, every device but this app). 409 NOT_CONNECTED while the number is offline; a group is refused naming `jid`.',
      params: contactParams,
      input: contactInput,
      response: { status: 200, description: 'The devices, phone first', schema: contactDevicesSchema },
    }),
  ];
}
