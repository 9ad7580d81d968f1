import { z } from 'zod';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { AppError } from '../../../src-shared/errors.js';
import { toJid } from '../../../src-shared/jid.js';
import { contactSchema } from '../../../src-shared/messages.js';
import type { Services } from '../../services/index.js';
import { defineRoute } from '../route.js';
import { sessionGuard } from './session-guard.js';

const sessionParams = z.object({ id: sessionIdSchema });
const contactList = z
  .object({ items: z.array(contactSchema), next: z.string().nullable() })
  .meta({ id: 'ContactList' });
const checkResults = z
  .object({
    items: z.array(z.object({ input: z.string(), jid: z.string().nullable(), exists: z.boolean() })),
  })
  .meta({ id: 'NumberCheckResults' });

export function contactRoutes({ messaging, sessions }: Services) {
  const guard = sessionGuard(sessions);
  const tag = 'contacts';
  return [
    defineRoute({
      method: 'get',
      path: '/sessions/:id/contacts',
      tag,
      summary: 'List contacts',
      auth: 'key',
      params: sessionParams,
      query: z.object({
        q: z.string().trim().optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        cursor: z.string().optional(),
      }),
      response: { status: 200, description: 'A page of contacts, by JID', schema: contactList },
      handler: ({ params, query, principal }) => {
        guard(principal, params.id, 'messages:read');
        const items = messaging.contacts.list(params.id, {
          q: query.q,
          limit: query.limit,
          after: query.cursor,
        });
        const last = items[items.length - 1];
        return { items, next: items.length === query.limit && last ? last.jid : null };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/sessions/:id/contacts/check',
      tag,
      summary: 'Which numbers have WhatsApp',
      auth: 'key',
      params: sessionParams,
      body: z
        .object({ phones: z.array(z.string().min(1)).min(1, 'must list at least one number').max(500) })
        .strict(),
      response: { status: 200, description: 'One result per number, in order', schema: checkResults },
      handler: async ({ params, body, principal }) => {
        guard(principal, params.id, 'messages:read');
        return { items: await messaging.send.checkNumbers(params.id, body.phones) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/contacts/:jid',
      tag,
      summary: 'A contact with its "about" text',
      auth: 'key',
      params: z.object({ id: sessionIdSchema, jid: z.string().min(1) }),
      response: {
        status: 200,
        description: 'The contact',
        schema: contactSchema.extend({ about: z.string().nullable() }),
      },
      handler: async ({ params, principal }) => {
        guard(principal, params.id, 'messages:read');
        const jid = toJid(decodeURIComponent(params.jid), 'jid');
        const contact = messaging.contacts.get(params.id, jid);
        if (!contact) throw new AppError('NOT_FOUND', `no contact "${jid}"`, 'jid');
        const about = messaging.actions.isConnected(params.id)
          ? await messaging.actions.profileStatus(params.id, jid)
          : null;
        return { ...contact, about };
      },
    }),
  ];
}
