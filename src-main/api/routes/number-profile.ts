import { numberProfileSchema, profileUpdateSchema } from '../../../src-shared/contract/number-profile.js';
import { numberProfileHandlers } from '../../rpc/number-profile-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { sessionParams } from './common.js';
import { sessionBodyInput, sessionInput } from './session-input.js';

/** A number's own WhatsApp profile (issue #19): adapters onto the `numberProfile.*` operations. */
export function numberProfileRoutes(services: Services) {
  const tag = 'sessions';
  const route = operationRoutes(numberProfileHandlers(services));
  return [
    route('numberProfile.get', {
      method: 'get',
      path: '/sessions/:id/profile',
      tag,
      summary: "The number's own profile: name, about, photo, business profile",
      description:
        'Read live from WhatsApp, so the number must be connected (409 NOT_CONNECTED otherwise). ' +
        "The photo itself is at `GET /sessions/{id}/contacts/{jid}/avatar` with the number's own `jid`.",
      params: sessionParams,
      input: sessionInput,
      response: { status: 200, description: 'The profile', schema: numberProfileSchema },
    }),
    route('numberProfile.update', {
      method: 'patch',
      path: '/sessions/:id/profile',
      tag,
      summary: "Change the number's name, about text, photo or business profile",
      description:
        'Only the fields given change. The photo is sent as WhatsApp wants it (scaled to 640×640 ' +
        'JPEG); `picture: null` removes it. `business` needs a WhatsApp Business account. ' +
        'Announced as `session.profile_updated`; the phone shows the change too.',
      largeBody: true,
      params: sessionParams,
      body: profileUpdateSchema,
      input: sessionBodyInput,
      response: { status: 200, description: 'The profile after the change', schema: numberProfileSchema },
    }),
  ];
}
