import type { z } from 'zod';
import {
  createdWebhookSchema,
  createWebhookInput,
  eventTypeListSchema,
  rotatedSecretSchema,
  updateWebhookInput,
  webhookListSchema,
  webhookSchema,
} from '../../../src-shared/contract/webhooks.js';
import { webhookHandlers } from '../../rpc/webhook-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { webhookIdParams } from './common.js';

const SIGNING =
  'Deliveries are POSTed as the event envelope `{id, type, session, timestamp, data}` with the Standard Webhooks ' +
  'headers `webhook-id`, `webhook-timestamp` and `webhook-signature` (`v1,<base64 HMAC-SHA256 of ' +
  '"id.timestamp.body">`, keyed with the base64-decoded part of the `whsec_` secret). Network errors, timeouts, ' +
  '429 and 5xx are retried with exponential backoff; other answers outside 2xx fail at once.';

const OWNERS =
  'A webhook created by a person (signed in, or with their personal token) is theirs: it receives only the ' +
  'events they may read, checked when each delivery is queued and again before it is sent. Owners, admins and ' +
  'keys see every webhook, a session key those of its session, an agent only their own.';

type ById = { params: z.output<typeof webhookIdParams>; body?: object };
const byId = ({ params, body }: ById) => ({ ...body, id: params.id });

/** Webhooks: adapters onto the `webhooks.*` operations (access and who may touch which live there). */
export function webhookRoutes(services: Services) {
  const tag = 'webhooks';
  const route = operationRoutes(webhookHandlers(services));
  return [
    route('webhooks.eventTypes', {
      method: 'get',
      path: '/webhooks/event-types',
      tag,
      summary: 'The event types a webhook can subscribe to',
      response: {
        status: 200,
        description: 'Every type, with a short description',
        schema: eventTypeListSchema,
      },
    }),
    route('webhooks.list', {
      method: 'get',
      path: '/webhooks',
      tag,
      summary: 'List webhooks',
      description: `A session key sees only the webhooks of its session. ${OWNERS}`,
      response: { status: 200, description: 'Every webhook, oldest first', schema: webhookListSchema },
    }),
    route('webhooks.create', {
      method: 'post',
      path: '/webhooks',
      tag,
      summary: 'Create a webhook',
      description: `${SIGNING} The answer holds the signing secret; it is shown only once. A session key's webhook is bound to its session. ${OWNERS}`,
      body: createWebhookInput,
      response: {
        status: 201,
        description: 'The webhook and its signing secret',
        schema: createdWebhookSchema,
      },
    }),
    route('webhooks.get', {
      method: 'get',
      path: '/webhooks/:id',
      tag,
      summary: 'Get a webhook',
      params: webhookIdParams,
      input: byId,
      response: { status: 200, description: 'The webhook', schema: webhookSchema },
    }),
    route('webhooks.update', {
      method: 'patch',
      path: '/webhooks/:id',
      tag,
      summary: 'Change a webhook (URL, session, event types, headers, enabled)',
      description:
        'Only the fields given change. Disabling pauses its deliveries; enabling sends what waited.',
      params: webhookIdParams,
      body: updateWebhookInput,
      input: byId,
      response: { status: 200, description: 'The webhook', schema: webhookSchema },
    }),
    route('webhooks.delete', {
      method: 'delete',
      path: '/webhooks/:id',
      tag,
      summary: 'Delete a webhook and its delivery log',
      params: webhookIdParams,
      input: byId,
      answer: () => undefined,
      response: { status: 204, description: 'Deleted' },
    }),
    route('webhooks.rotateSecret', {
      method: 'post',
      path: '/webhooks/:id/secret',
      tag,
      summary: 'Replace the signing secret',
      description: 'The new secret signs every delivery from now on; it is shown only in this answer.',
      params: webhookIdParams,
      input: byId,
      response: { status: 200, description: 'The new secret', schema: rotatedSecretSchema },
    }),
  ];
}
