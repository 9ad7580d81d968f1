import { z } from 'zod';
import {
  blockedContactSchema,
  privacySettingsSchema,
  privacyUpdateSchema,
  type BlockedContact,
} from '../../../src-shared/contract/privacy.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { privacyHandlers } from '../../rpc/privacy-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { sessionParams } from './common.js';
import { sessionBodyInput, sessionInput } from './session-input.js';

const blocklist = z
  .object({ items: z.array(blockedContactSchema), next: z.null() })
  .meta({ id: 'BlockList', example: { items: [], next: null } });
const contactParams = z.object({
  id: sessionIdSchema,
  jid: z.string().min(1).describe('The contact: international digits or a JID'),
});

type ContactRequest = { params: z.output<typeof contactParams> };
/** `blocklist.set`'s input: the contact from the path, blocked or not from the method. */
const blocking =
  (blocked: boolean) =>
  ({ params }: ContactRequest) => ({ session: params.id, jid: params.jid, blocked });
/** REST's block list is a page (`next: null`); the operation's is the list. */
const asPage = (items: BlockedContact[]) => ({ items, next: null });

/** A number's privacy settings and block list (issue #19): adapters onto `privacy.*` and `blocklist.*`. */
export function privacyRoutes(services: Services) {
  const tag = 'sessions';
  const route = operationRoutes(privacyHandlers(services));
  return [
    route('privacy.get', {
      method: 'get',
      path: '/sessions/:id/privacy',
      tag,
      summary: "The number's privacy settings (last seen, online, photo, about, groups, read receipts)",
      params: sessionParams,
      input: sessionInput,
      response: { status: 200, description: 'Privacy settings', schema: privacySettingsSchema },
    }),
    route('privacy.update', {
      method: 'patch',
      path: '/sessions/:id/privacy',
      tag,
      summary: 'Change privacy settings; the phone shows the same',
      params: sessionParams,
      body: privacyUpdateSchema,
      input: sessionBodyInput,
      response: {
        status: 200,
        description: 'Privacy settings after the change',
        schema: privacySettingsSchema,
      },
    }),
    route('blocklist.list', {
      method: 'get',
      path: '/sessions/:id/blocklist',
      tag,
      summary: 'Contacts this number blocked',
      params: sessionParams,
      input: sessionInput,
      response: { status: 200, description: 'Blocked contacts', schema: blocklist },
      answer: asPage,
    }),
    route('blocklist.set', {
      method: 'put',
      path: '/sessions/:id/blocklist/:jid',
      tag,
      summary: 'Block a contact: they can no longer call or message this number',
      params: contactParams,
      input: blocking(true),
      response: { status: 200, description: 'Blocked contacts', schema: blocklist },
      answer: asPage,
    }),
    route('blocklist.set', {
      method: 'delete',
      path: '/sessions/:id/blocklist/:jid',
      tag,
      summary: 'Unblock a contact',
      params: contactParams,
      input: blocking(false),
      response: { status: 200, description: 'Blocked contacts', schema: blocklist },
      answer: asPage,
    }),
  ];
}
