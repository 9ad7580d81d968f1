import { numberProfileSchema, profileUpdateSchema } from '../../../src-shared/contract/number-profile.js';
import type { Services } from '../../services/index.js';
import { defineRoute } from '../route.js';
import { sessionParams } from './common.js';

/** A number's own WhatsApp profile (issue #19); the UI calls the same service over `numberProfile.*`. */
export function numberProfileRoutes({ numberProfile, actors }: Services) {
  const tag = 'sessions';
  return [
    defineRoute({
      method: 'get',
      path: '/sessions/:id/profile',
      tag,
      summary: "The number's own profile: name, about, photo, business profile",
      description:
        'Read live from WhatsApp, so the number must be connected (409 NOT_CONNECTED otherwise). ' +
        "The photo itself is at `GET /sessions/{id}/contacts/{jid}/avatar` with the number's own `jid`.",
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: sessionParams,
      response: { status: 200, description: 'The profile', schema: numberProfileSchema },
      handler: ({ params }) => numberProfile.get(params.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/sessions/:id/profile',
      tag,
      summary: "Change the number's name, about text, photo or business profile",
      description:
        'Only the fields given change. The photo is sent as WhatsApp wants it (scaled to 640×640 ' +
        'JPEG); `picture: null` removes it. `business` needs a WhatsApp Business account. ' +
        'Announced as `session.profile_updated`; the phone shows the change too.',
      largeBody: true,
      access: { scope: 'sessions:manage', session: ({ params }) => params.id },
      params: sessionParams,
      body: profileUpdateSchema,
      response: { status: 200, description: 'The profile after the change', schema: numberProfileSchema },
      handler: ({ params, body, principal }) => numberProfile.update(params.id, body, actors.of(principal)),
    }),
  ];
}
