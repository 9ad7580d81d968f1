import { z } from 'zod';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { AppError } from '../../../src-shared/errors.js';
import { exampleOf } from '../../../src-shared/examples.js';
import { toJid } from '../../../src-shared/jid.js';
import { contactSchema } from '../../../src-shared/messages.js';
import type { Services } from '../../services/index.js';
import { defineRoute } from '../route.js';
import { sessionExists } from './session-guard.js';
import { sessionParams } from './common.js';

const contactParams = z.object({ id: sessionIdSchema, jid: z.string().min(1) });
const contactProfile = contactSchema
  .extend({
    about: z
      .string()
      .nullable()
      .describe('The "about" text; null when empty, hidden or the session is offline'),
    avatarUrl: z
      .string()
      .nullable()
      .describe(
        'Path of the profile picture (GET …/contacts/{jid}/avatar, same key); null when the contact has none, or it is unknown while the session is offline',
      ),
  })
  .meta({
    id: 'ContactProfile',
    example: {
      ...exampleOf(contactSchema),
      about: 'Vegan, no nuts please',
      avatarUrl: '/api/v1/sessions/shop/contacts/972501234567%40s.whatsapp.net/avatar',
    },
  });
const contactList = z
  .object({ items: z.array(contactSchema), next: z.string().nullable() })
  .meta({ id: 'ContactList', example: { items: [exampleOf(contactSchema)], next: null } });
const checkResults = z
  .object({
    items: z.array(z.object({ input: z.string(), jid: z.string().nullable(), exists: z.boolean() })),
  })
  .meta({
    id: 'NumberCheckResults',
    example: {
      items: [
        { input: '+972 50-123-4567', jid: '972501234567@s.whatsapp.net', exists: true },
        { input: '+972 59-999-9999', jid: '972599999999@s.whatsapp.net', exists: false },
        { input: 'not a number', jid: null, exists: false },
      ],
    },
  });

export function contactRoutes({ messaging, sessions }: Services) {
  const exists = sessionExists(sessions);
  const tag = 'contacts';
  return [
    defineRoute({
      method: 'get',
      path: '/sessions/:id/contacts',
      tag,
      summary: 'List contacts',
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: sessionParams,
      query: z.object({
        q: z.string().trim().optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        cursor: z.string().optional(),
      }),
      response: { status: 200, description: 'A page of contacts, by JID', schema: contactList },
      handler: ({ params, query }) => {
        exists(params.id);
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
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: sessionParams,
      body: z
        .object({ phones: z.array(z.string().min(1)).min(1, 'must list at least one number').max(500) })
        .strict()
        .meta({ example: { phones: ['+972 50-123-4567', '+972 59-999-9999'] } }),
      response: { status: 200, description: 'One result per number, in order', schema: checkResults },
      handler: async ({ params, body }) => {
        exists(params.id);
        return { items: await messaging.send.checkNumbers(params.id, body.phones) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/contacts/:jid',
      tag,
      summary: 'A contact with its "about" text and profile picture link',
      description:
        'Asks WhatsApp for the about text, and for the profile picture unless it is remembered (pictures for a day, "no picture" for 6 hours).',
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: contactParams,
      response: { status: 200, description: 'The contact', schema: contactProfile },
      handler: async ({ params }) => {
        exists(params.id);
        const jid = toJid(params.jid, 'jid');
        const contact = messaging.contacts.get(params.id, jid);
        if (!contact) throw new AppError('NOT_FOUND', `no contact "${jid}"`, 'jid');
        const [about, hasPicture] = await Promise.all([
          messaging.contacts.about(params.id, contact.jid),
          messaging.avatars.exists(params.id, contact.jid),
        ]);
        const avatarUrl = hasPicture
          ? `/api/v1/sessions/${params.id}/contacts/${encodeURIComponent(contact.jid)}/avatar`
          : null;
        return { ...contact, about, avatarUrl };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/contacts/:jid/avatar',
      tag,
      summary: "A contact's or group's profile picture",
      description:
        "The image itself (usually JPEG, WhatsApp's preview size), fetched from WhatsApp unless remembered. 404 when there is none.",
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: contactParams,
      response: { status: 200, description: 'The picture', contentType: 'image/jpeg' },
      handler: async ({ params, ctx }) => {
        exists(params.id);
        const jid = toJid(params.jid, 'jid');
        const picture = await messaging.avatars.get(params.id, jid);
        if (!picture) throw new AppError('NOT_FOUND', `no profile picture for "${jid}"`, 'jid');
        ctx.type = picture.mimetype;
        // Pictures change now and then: caches may keep one for an hour, then ask again.
        ctx.set('Cache-Control', 'private, max-age=3600');
        ctx.set('ETag', `"${picture.sha256}"`);
        ctx.body = picture.bytes;
        return undefined;
      },
    }),
  ];
}
