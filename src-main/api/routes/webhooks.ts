import {
  createdWebhookSchema,
  createWebhookInput,
  eventTypeListSchema,
  rotatedSecretSchema,
  updateWebhookInput,
  webhookListSchema,
  webhookSchema,
} from '../../../src-shared/contract/webhooks.js';
import type { Services } from '../../services/index.js';
import { checkRecordSession, ownSessionOf } from '../../services/access/authorizer.js';
import { MANAGE_WEBHOOKS } from '../../../src-shared/access.js';
import { defineRoute } from '../route.js';
import { webhookIdParams } from './common.js';

const SIGNING =
  'Deliveries are POSTed as the event envelope `{id, type, session, timestamp, data}` with the Standard Webhooks ' +
  'headers `webhook-id`, `webhook-timestamp` and `webhook-signature` (`v1,<base64 HMAC-SHA256 of ' +
  '"id.timestamp.body">`, keyed with the base64-decoded part of the `whsec_` secret). Network errors, timeouts, ' +
  '429 and 5xx are retried with exponential backoff; other answers outside 2xx fail at once.';

export function webhookRoutes({ webhooks }: Services) {
  const tag = 'webhooks';
  return [
    defineRoute({
      method: 'get',
      path: '/webhooks/event-types',
      tag,
      summary: 'The event types a webhook can subscribe to',
      access: MANAGE_WEBHOOKS,
      response: {
        status: 200,
        description: 'Every type, with a short description',
        schema: eventTypeListSchema,
      },
      handler: () => webhooks.eventTypes(),
    }),
    defineRoute({
      method: 'get',
      path: '/webhooks',
      tag,
      summary: 'List webhooks',
      description: 'A session key sees only the webhooks of its session.',
      access: { scope: 'webhooks:manage' },
      response: { status: 200, description: 'Every webhook, oldest first', schema: webhookListSchema },
      handler: ({ principal }) => {
        const items = webhooks.list(ownSessionOf(principal));
        return { items, next: null };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/webhooks',
      tag,
      summary: 'Create a webhook',
      description: `${SIGNING} The answer holds the signing secret; it is shown only once. A session key's webhook is bound to its session.`,
      access: { ...MANAGE_WEBHOOKS, limits: ['sensitive'] },
      body: createWebhookInput,
      response: {
        status: 201,
        description: 'The webhook and its signing secret',
        schema: createdWebhookSchema,
      },
      handler: ({ body, principal }) => {
        // A session key's webhook is bound to its session when none is named.
        const session = body.session ?? ownSessionOf(principal);
        checkRecordSession(principal, session ?? null);
        return webhooks.create({ ...body, session: session ?? null });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/webhooks/:id',
      tag,
      summary: 'Get a webhook',
      access: MANAGE_WEBHOOKS,
      params: webhookIdParams,
      response: { status: 200, description: 'The webhook', schema: webhookSchema },
      handler: ({ params, principal }) => {
        const webhook = webhooks.get(params.id);
        checkRecordSession(principal, webhook.session);
        return webhook;
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/webhooks/:id',
      tag,
      summary: 'Change a webhook (URL, session, event types, headers, enabled)',
      description:
        'Only the fields given change. Disabling pauses its deliveries; enabling sends what waited.',
      access: MANAGE_WEBHOOKS,
      params: webhookIdParams,
      body: updateWebhookInput,
      response: { status: 200, description: 'The webhook', schema: webhookSchema },
      handler: ({ params, body, principal }) => {
        checkRecordSession(principal, webhooks.get(params.id).session);
        if (body.session !== undefined) checkRecordSession(principal, body.session);
        return webhooks.update(params.id, body);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/webhooks/:id',
      tag,
      summary: 'Delete a webhook and its delivery log',
      access: MANAGE_WEBHOOKS,
      params: webhookIdParams,
      response: { status: 204, description: 'Deleted' },
      handler: ({ params, principal }) => {
        checkRecordSession(principal, webhooks.get(params.id).session);
        webhooks.delete(params.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/webhooks/:id/secret',
      tag,
      summary: 'Replace the signing secret',
      description: 'The new secret signs every delivery from now on; it is shown only in this answer.',
      access: { ...MANAGE_WEBHOOKS, limits: ['sensitive'] },
      params: webhookIdParams,
      response: { status: 200, description: 'The new secret', schema: rotatedSecretSchema },
      handler: ({ params, principal }) => {
        checkRecordSession(principal, webhooks.get(params.id).session);
        return webhooks.rotateSecret(params.id);
      },
    }),
  ];
}
