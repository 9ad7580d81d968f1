import { z } from 'zod';
import { contactProfileSchema } from '../../../src-shared/contract/contact-profile.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { AppError } from '../../../src-shared/errors.js';
import { exampleOf } from '../../../src-shared/examples.js';
import { toJid } from '../../../src-shared/jid.js';
import { contactSchema, type Contact } from '../../../src-shared/messages.js';
import { contactHandlers } from '../../rpc/contact-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { defineRoute } from '../route.js';
import { sessionExists } from './session-guard.js';
import { sessionParams } from './common.js';
import { contactInput, sessionBodyInput } from './session-input.js';

const contactParams = z.object({ id: sessionIdSchema, jid: z.string().min(1) });

const avatarQuery = z.object({
  size: z
    .enum(['preview', 'full'])
    .default('preview')
    .describe("`preview` (WhatsApp's small picture, the default) or `full` (the full-size picture)"),
});

/** WhatsApp answers 404 and 401 alike for "none set" and "hidden from you": say both. */
function noPictureMessage(jid: string, size: 'preview' | 'full'): string {
  const what = size === 'full' ? 'full-size profile picture' : 'profile picture';
  return `no ${what} for "${jid}": none is set, or their privacy settings hide it from this number`;
}

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

/** REST's page: `next` is the last JID when the page is full (the next page's `cursor`). */
const contactPage = (items: Contact[], { limit }: { limit: number }) => {
  const last = items[items.length - 1];
  return { items, next: items.length === limit && last ? last.jid : null };
};

type ListRequest = { params: { id: string }; query: { q?: string; limit: number; cursor?: string } };

/**
 * A number's contacts: adapters onto `contacts.list`, `contacts.check` and `contacts.profile`.
 * The picture stays written here: its answer is the image's bytes with caching headers.
 */
export function contactRoutes(services: Services) {
  const { messaging, sessions } = services;
  const exists = sessionExists(sessions);
  const route = operationRoutes(contactHandlers(services));
  const tag = 'contacts';
  return [
    route('contacts.list', {
      method: 'get',
      path: '/sessions/:id/contacts',
      tag,
      summary: 'List contacts',
      params: sessionParams,
      query: z.object({
        q: z.string().trim().optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        cursor: z.string().optional(),
      }),
      input: ({ params, query }: ListRequest) => ({ ...query, session: params.id }),
      response: { status: 200, description: 'A page of contacts, by JID', schema: contactList },
      answer: contactPage,
    }),
    route('contacts.check', {
      method: 'post',
      path: '/sessions/:id/contacts/check',
      tag,
      summary: 'Which numbers have WhatsApp',
      params: sessionParams,
      body: z
        .object({ phones: z.array(z.string().min(1)).min(1, 'must list at least one number').max(500) })
        .strict()
        .meta({ example: { phones: ['+972 50-123-4567', '+972 59-999-9999'] } }),
      input: sessionBodyInput,
      response: { status: 200, description: 'One result per number, in order', schema: checkResults },
    }),
    route('contacts.profile', {
      method: 'get',
      path: '/sessions/:id/contacts/:jid',
      tag,
      summary: 'A contact with its "about" text and profile picture link',
      description:
        'Asks WhatsApp for the about text, and for the profile picture unless it is remembered (pictures for a day, "no picture" for 6 hours).',
      params: contactParams,
      input: contactInput,
      response: { status: 200, description: 'The contact', schema: contactProfileSchema },
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/contacts/:jid/avatar',
      tag,
      summary: "A contact's or group's profile picture",
      description:
        "The image itself (usually JPEG): WhatsApp's small preview, or with `size=full` the full-size picture. Fetched from WhatsApp unless remembered (each size on its own). 404 when there is none, or it is hidden by the contact's privacy settings.",
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: contactParams,
      query: avatarQuery,
      response: { status: 200, description: 'The picture', contentType: 'image/jpeg' },
      handler: async ({ params, query, ctx }) => {
        exists(params.id);
        const jid = toJid(params.jid, 'jid');
        const picture = await messaging.avatars.get(params.id, jid, query.size);
        if (!picture) throw new AppError('NOT_FOUND', noPictureMessage(jid, query.size), 'jid');
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
