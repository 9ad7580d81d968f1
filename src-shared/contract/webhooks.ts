/**
 * Webhooks: where events are POSTed (Standard Webhooks signing), and the log of their
 * deliveries and attempts. The same schemas validate the REST routes and the UI's calls.
 */
import { z } from 'zod';
import { EVENT_TYPES, type EventType } from './events.js';
import { exampleOf } from '../examples.js';
import { OWN_WEBHOOKS, sessionField } from '../access.js';
import { op } from './operation.js';
import { sessionIdSchema } from './sessions.js';

/** Event types a webhook can subscribe to; `webhook.test` goes only to the webhook being tested. */
export const SUBSCRIBABLE_EVENT_TYPES = EVENT_TYPES.filter((type) => type !== 'webhook.test') as EventType[];

/** One line per event type for the webhook form and the docs; types not listed show their name. */
/** One line per event type; a Record, so a new event type without a description does not compile. */
export const EVENT_DESCRIPTIONS: Record<EventType, string> = {
  'settings.updated': 'App settings changed',
  'rate_limits.updated': 'The rate limits by kind were changed',
  'session.status': 'A session connected, disconnected, shows a QR code…',
  'session.deleted': 'A session was deleted (with its data, or keeping its chat history)',
  'session.profile_updated': "The number's own name, about text, photo or business profile was changed",
  'message.received': 'A message from someone else',
  'message.sent': 'A message was sent from this number',
  'message.paced': 'An API send to a group waits its human pause, or failed when its time came',
  'message.ack': 'A sent message was delivered, read or played',
  'message.reaction': 'Someone reacted to a message',
  'message.edited': 'A message was edited',
  'message.updated': 'A poll got new votes, or a message was starred or unstarred',
  'message.deleted': 'A message was deleted for everyone',
  'chat.updated': 'A chat changed (unread count, archived, pinned…)',
  'chat.cleared': 'Every message of a chat was removed, here and on the phone',
  'chat.deleted': 'A chat was deleted with its messages, here and on the phone',
  'chat.ephemeral_changed':
    "A chat's disappearing-messages timer changed (from Chatdock, the number's phone or the customer)",
  'contact.blocked': 'The number blocked a contact (here or on the phone)',
  'contact.unblocked': 'The number unblocked a contact (here or on the phone)',
  'session.privacy_updated': "The number's privacy settings were changed",
  'presence.updated': 'Someone is typing, recording or came online',
  'contact.presence': "A customer's online / last seen / typing in a one-to-one chat opened here",
  'status.received': 'A contact posted a Status (story)',
  'status.posted': 'This number posted a Status',
  'status.seen': "A contact's Status was marked seen (the read receipt went to them)",
  'status.deleted': 'A Status was deleted by its poster',
  'call.received': 'An incoming call',
  'call.rejected': 'A call was rejected',
  'call.updated': 'A call was answered elsewhere, hung up or missed',
  'history.synced': 'Older history arrived from the phone',
  'history.messages':
    'The messages of a history sync in numbered chunks (only when chosen by name; not part of "every type")',
  'group.updated': 'A group changed',
  'channel.message': 'A post arrived in a channel the number follows',
  'channel.followed': 'The number followed a channel',
  'channel.created': 'The number created a channel',
  'channel.unfollowed': 'The number unfollowed a channel',
  'channel.updated': 'The number renamed an owned channel or changed its description',
  'channel.deleted': 'The number deleted a channel it owned',
  'channel.reactions': "Reaction counts of an owned channel's posts were read (asked, or a follower reacted)",
  'group.join_requested': 'Someone asked to join a group by link (admins approve newcomers)',
  'group.join_request_decided': 'A request to join a group was approved, rejected or withdrawn',
  'contact.updated': 'A contact changed',
  'webhook.test': 'A test sent from Settings',
  'schedule.sent': 'A scheduled message was sent',
  'schedule.failed': 'A scheduled message could not be sent (or was missed)',
  'campaign.progress': 'A campaign sent to one more recipient, paused or finished',
  'chat.tagged': 'A tag was added to or removed from a chat',
  'message.tagged': 'A tag was added to or removed from a message',
  'tag.label_synced':
    "A tag's WhatsApp Business label was made, renamed, recoloured or deleted (either side)",
  'user.created': 'A person was added (owners and admins only)',
  'user.updated': "A person's name, role, teams or state changed (owners and admins only)",
  'user.deleted': 'A person was deleted (owners and admins only)',
  'team.created': 'A team was created (owners and admins only)',
  'team.updated': 'A team was renamed or its members changed (owners and admins only)',
  'team.deleted': 'A team was deleted (owners and admins only)',
  'permissions.updated': "A number's permissions changed (owners and admins only)",
  'automation.replied': 'Automation sent a greeting, away message, keyword answer, menu or default reply',
  'automation.rule_matched':
    'A keyword rule that calls this webhook matched a message (sent to that webhook only; answer {"reply": "…"})',
  'chat.assigned': 'A chat was assigned to a person or a team, or unassigned',
  'chat.status_changed': 'A chat was resolved, reopened or snoozed',
  'staff.presence': 'Someone of the staff started or stopped viewing or typing in a chat',
  'routing.requested':
    'A conversation for the number’s rule-engine webhook (sent to that webhook only, at once; answer {"assign", "tags", "status", "reply"})',
  'media.uploaded': 'A file was added to the media library (POST /media)',
  'media.deleted': 'A file left the media library: deleted, or expired',
};

const RESERVED_HEADERS = new Set([
  'content-type',
  'content-length',
  'host',
  'connection',
  'transfer-encoding',
  'user-agent',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
]);

const headerName = z
  .string()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, 'is not a valid header name')
  .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), 'is set by Chatdock and cannot be replaced');

const webhookHeadersSchema = z
  .record(
    headerName,
    z
      .string()
      .max(2000)
      .regex(/^[^\r\n]*$/, 'must be one line'),
  )
  .refine((headers) => Object.keys(headers).length <= 20, 'at most 20 headers')
  .describe('Extra headers sent with every delivery, e.g. an authorization token of the receiver');

const webhookUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .max(2000)
  .describe('Where deliveries are POSTed');

const eventFilter = z
  .array(z.enum(SUBSCRIBABLE_EVENT_TYPES as [EventType, ...EventType[]]))
  .min(1, 'choose at least one event type, or null for all')
  .nullable()
  .describe('Event types to deliver; null for every type');

const sessionFilter = sessionIdSchema
  .nullable()
  .describe('Only events of this session; null for every session');

export const createWebhookInput = z
  .strictObject({
    name: z.string().trim().min(1).max(80).optional().describe('A label; the URL host when omitted'),
    url: webhookUrl,
    session: sessionFilter.optional(),
    events: eventFilter.optional(),
    headers: webhookHeadersSchema.optional(),
    enabled: z.boolean().optional().describe('Default true'),
  })
  .meta({
    id: 'CreateWebhook',
    example: {
      name: 'CRM',
      url: 'http://127.0.0.1:3000/whatsapp',
      session: 'shop',
      events: ['message.received', 'message.ack'],
      headers: { Authorization: 'Bearer crm-token' },
    },
  });
export type CreateWebhookInput = z.infer<typeof createWebhookInput>;

export const updateWebhookInput = z
  .strictObject({
    name: z.string().trim().min(1).max(80).optional(),
    url: webhookUrl.optional(),
    session: sessionFilter.optional(),
    events: eventFilter.optional(),
    headers: webhookHeadersSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .meta({ id: 'UpdateWebhook', example: { enabled: false } });
export type UpdateWebhookInput = z.infer<typeof updateWebhookInput>;

/** Who a webhook belongs to (issue #26 point 12). */
const webhookOwnerSchema = z
  .object({ id: z.string(), name: z.string() })
  .nullable()
  .describe(
    'The person who created it (signed in or with a personal token): it receives only the events ' +
      'they may read, and is deleted with them (paused while they are disabled). Null: created with an ' +
      'API key or on the desktop, it receives everything its session and event filters let through.',
  );

export const webhookSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    session: z.string().nullable(),
    events: z.array(z.string()).nullable(),
    headers: z
      .record(z.string(), z.string())
      .describe(
        'The extra headers, values masked (`••••••` and, for long values, their last 4 characters). ' +
          'Send a masked value back unchanged to keep the stored one.',
      ),
    enabled: z.boolean(),
    createdAt: z.string().describe('UTC ISO-8601'),
    pending: z.number().int().describe('Deliveries waiting to go out (or to be retried)'),
    failed: z.number().int().describe('Deliveries that gave up; retry or discard them by hand'),
    owner: webhookOwnerSchema,
  })
  .meta({
    id: 'Webhook',
    example: {
      id: 'wh_0193a4f2c1e80000a1b2c3d4',
      name: 'CRM',
      url: 'http://127.0.0.1:3000/whatsapp',
      session: 'shop',
      events: ['message.received'],
      headers: {},
      enabled: true,
      createdAt: '2026-11-21T10:00:00.000Z',
      pending: 0,
      failed: 0,
      owner: { id: 'usr_0193a4f2c1e80000d4c3b2a1', name: 'Dana' },
    },
  });
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookListSchema = z
  .object({ items: z.array(webhookSchema), next: z.null() })
  .meta({ id: 'WebhookList', example: { items: [exampleOf(webhookSchema)], next: null } });
export type WebhookList = z.infer<typeof webhookListSchema>;

const webhookSecretSchema = z
  .string()
  .describe('Signing secret (`whsec_` + base64). Shown only now; verify deliveries with it.');

export const createdWebhookSchema = z.object({ webhook: webhookSchema, secret: webhookSecretSchema }).meta({
  id: 'CreatedWebhook',
  example: {
    webhook: {
      id: 'wh_0193a4f2c1e80000a1b2c3d4',
      name: 'CRM',
      url: 'http://127.0.0.1:3000/whatsapp',
      session: null,
      events: null,
      headers: {},
      enabled: true,
      createdAt: '2026-11-21T10:00:00.000Z',
      pending: 0,
      failed: 0,
      owner: null,
    },
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  },
});
export type CreatedWebhook = z.infer<typeof createdWebhookSchema>;

export const rotatedSecretSchema = z
  .object({ secret: webhookSecretSchema })
  .meta({ id: 'WebhookSecret', example: { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' } });

const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const attemptSchema = z
  .object({
    id: z.number().int(),
    attemptedAt: z.string().describe('UTC ISO-8601'),
    statusCode: z.number().int().nullable().describe('HTTP status; null after a network error or timeout'),
    latencyMs: z.number().int(),
    error: z.string().nullable(),
    responseExcerpt: z.string().nullable().describe('The first 500 characters of the answer'),
  })
  .meta({
    id: 'WebhookAttempt',
    example: {
      id: 311,
      attemptedAt: '2026-11-21T10:00:01.000Z',
      statusCode: 503,
      latencyMs: 184,
      error: 'HTTP 503',
      responseExcerpt: '<html><body>Service Unavailable</body></html>',
    },
  });
export type WebhookAttempt = z.infer<typeof attemptSchema>;

export const deliverySchema = z
  .object({
    id: z.number().int(),
    webhookId: z.string(),
    eventId: z.string(),
    eventType: z.string().nullable().describe('Null if the event is no longer stored'),
    session: z.string().nullable(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int().describe('Attempts in the current round (a manual retry starts a new round)'),
    nextAttemptAt: z.string().nullable().describe('When the next attempt is due (pending only)'),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .meta({
    id: 'WebhookDelivery',
    example: {
      id: 42,
      webhookId: 'wh_0193a4f2c1e80000a1b2c3d4',
      eventId: 'evt_0193a4f2c1e800001f2e3d4c',
      eventType: 'message.received',
      session: 'shop',
      status: 'failed',
      attempts: 12,
      nextAttemptAt: null,
      lastStatusCode: 503,
      lastError: 'HTTP 503',
      createdAt: '2026-11-21T10:00:00.000Z',
      deliveredAt: null,
    },
  });
export type WebhookDelivery = z.infer<typeof deliverySchema>;

export const deliveryDetailSchema = deliverySchema
  .extend({ attemptLog: z.array(attemptSchema).describe('Every attempt, oldest first') })
  .meta({
    id: 'WebhookDeliveryDetail',
    example: { ...exampleOf(deliverySchema), attemptLog: [exampleOf(attemptSchema)] },
  });
export type WebhookDeliveryDetail = z.infer<typeof deliveryDetailSchema>;

export const deliveryListSchema = z
  .object({
    items: z.array(deliverySchema).describe('Newest first'),
    next: z.string().nullable().describe('Pass as `before` for the next page'),
  })
  .meta({ id: 'WebhookDeliveryList', example: { items: [exampleOf(deliverySchema)], next: '42' } });
export type WebhookDeliveryList = z.infer<typeof deliveryListSchema>;

export const deliveriesQuery = z.strictObject({
  status: z.enum(DELIVERY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional().describe('A delivery id: only older deliveries'),
});

export const retriedSchema = z
  .object({ retried: z.number().int().describe('Failed deliveries queued again') })
  .meta({ id: 'RetriedDeliveries', example: { retried: 3 } });

/** Most delivery ids one discard may name: enough for any page the UI shows, one short statement. */
const MAX_DISCARD_IDS = 1000;

/**
 * Which failed deliveries of a webhook to throw away. No `ids`: every failed one. An empty list
 * is refused rather than read as "none" or "all", since either guess could surprise.
 */
export const discardDeliveriesInput = z
  .strictObject({
    ids: z
      .array(z.number().int().positive())
      .min(1, 'list at least one delivery id, or leave ids out to discard every failed delivery')
      .max(MAX_DISCARD_IDS, `at most ${MAX_DISCARD_IDS} delivery ids at once`)
      .optional()
      .describe(
        'Deliveries of this webhook to discard; those not failed (pending, succeeded) are left alone. ' +
          'Omit to discard every failed delivery of the webhook.',
      ),
  })
  .meta({ id: 'DiscardDeliveries', example: { ids: [42, 43] } });

export const discardedSchema = z
  .object({ discarded: z.number().int().describe('Failed deliveries removed, with their attempts') })
  .meta({ id: 'DiscardedDeliveries', example: { discarded: 2 } });

export const eventTypeListSchema = z
  .object({ items: z.array(z.object({ type: z.string(), description: z.string() })) })
  .meta({
    id: 'EventTypeList',
    example: {
      items: [{ type: 'message.received', description: EVENT_DESCRIPTIONS['message.received'] }],
    },
  });
export type EventTypeList = z.infer<typeof eventTypeListSchema>;

const byId = z.strictObject({ id: z.string().min(1, 'is required') });
const byDelivery = z.strictObject({ deliveryId: z.coerce.number().int().positive() });

export const webhookOperations = {
  'webhooks.list': op<WebhookList>()(z.strictObject({}), OWN_WEBHOOKS),
  'webhooks.get': op<Webhook>()(byId, OWN_WEBHOOKS),
  'webhooks.create': op<CreatedWebhook>()(createWebhookInput, {
    ...OWN_WEBHOOKS,
    session: sessionField,
    limits: ['sensitive'],
  }),
  'webhooks.update': op<Webhook>()(byId.extend(updateWebhookInput.shape), {
    ...OWN_WEBHOOKS,
    session: sessionField,
  }),
  'webhooks.delete': op<{ deleted: true }>()(byId, { ...OWN_WEBHOOKS, limits: ['delete'] }),
  'webhooks.rotateSecret': op<{ secret: string }>()(byId, { ...OWN_WEBHOOKS, limits: ['sensitive'] }),
  'webhooks.deliveries': op<WebhookDeliveryList>()(byId.extend(deliveriesQuery.shape), OWN_WEBHOOKS),
  'webhooks.delivery': op<WebhookDeliveryDetail>()(byDelivery, OWN_WEBHOOKS),
  'webhooks.retryDelivery': op<WebhookDelivery>()(byDelivery, { ...OWN_WEBHOOKS, limits: ['sensitive'] }),
  'webhooks.retryFailed': op<{ retried: number }>()(byId, { ...OWN_WEBHOOKS, limits: ['sensitive'] }),
  'webhooks.discardFailed': op<{ discarded: number }>()(
    byId.extend(discardDeliveriesInput.shape),
    OWN_WEBHOOKS,
  ),
  'webhooks.test': op<WebhookDelivery>()(byId, { ...OWN_WEBHOOKS, limits: ['sensitive'] }),
  'webhooks.eventTypes': op<EventTypeList>()(z.strictObject({}), OWN_WEBHOOKS),
};
