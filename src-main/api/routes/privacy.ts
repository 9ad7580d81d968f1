import { z } from 'zod';
import {
  blockedContactSchema,
  privacySettingsSchema,
  privacyUpdateSchema,
} from '../../../src-shared/contract/privacy.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import type { Services } from '../../services/index.js';
import { defineRoute } from '../route.js';
import { sessionParams } from './common.js';

const blocklist = z
  .object({ items: z.array(blockedContactSchema), next: z.null() })
  .meta({ id: 'BlockList', example: { items: [], next: null } });
const contactParams = z.object({
  id: sessionIdSchema,
  jid: z.string().min(1).describe('The contact: international digits or a JID'),
});

/** A number's privacy settings and block list (issue #19); the UI uses `privacy.*` and `blocklist.*`. */
export function privacyRoutes({ privacy }: Services) {
  const tag = 'sessions';
  return [
    defineRoute({
      method: 'get',
      path: '/sessions/:id/privacy',
      tag,
      summary: "The number's privacy settings (last seen, online, photo, about, groups, read receipts)",
      access: { scope: 'sessions:manage', session: ({ params }) => params.id },
      params: sessionParams,
      response: { status: 200, description: 'Privacy settings', schema: privacySettingsSchema },
      handler: ({ params }) => privacy.get(params.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/sessions/:id/privacy',
      tag,
      summary: 'Change privacy settings; the phone shows the same',
      access: { scope: 'sessions:manage', session: ({ params }) => params.id },
      params: sessionParams,
      body: privacyUpdateSchema,
      response: {
        status: 200,
        description: 'Privacy settings after the change',
        schema: privacySettingsSchema,
      },
      handler: ({ params, body }) => privacy.update(params.id, body),
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/blocklist',
      tag,
      summary: 'Contacts this number blocked',
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: sessionParams,
      response: { status: 200, description: 'Blocked contacts', schema: blocklist },
      handler: async ({ params }) => ({ items: await privacy.blocklist(params.id), next: null }),
    }),
    defineRoute({
      method: 'put',
      path: '/sessions/:id/blocklist/:jid',
      tag,
      summary: 'Block a contact: they can no longer call or message this number',
      access: { scope: 'messages:send', session: ({ params }) => params.id },
      params: contactParams,
      response: { status: 200, description: 'Blocked contacts', schema: blocklist },
      handler: async ({ params }) => ({
        items: await privacy.setBlocked(params.id, params.jid, true),
        next: null,
      }),
    }),
    defineRoute({
      method: 'delete',
      path: '/sessions/:id/blocklist/:jid',
      tag,
      summary: 'Unblock a contact',
      access: { scope: 'messages:send', session: ({ params }) => params.id },
      params: contactParams,
      response: { status: 200, description: 'Blocked contacts', schema: blocklist },
      handler: async ({ params }) => ({
        items: await privacy.setBlocked(params.id, params.jid, false),
        next: null,
      }),
    }),
  ];
}
