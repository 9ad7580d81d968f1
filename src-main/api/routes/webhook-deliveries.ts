import { z } from 'zod';
import {
  deliveriesQuery,
  deliveryDetailSchema,
  deliveryListSchema,
  deliverySchema,
  discardDeliveriesInput,
  discardedSchema,
  retriedSchema,
} from '../../../src-shared/contract/webhooks.js';
import { webhookHandlers } from '../../rpc/webhook-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { webhookIdParams } from './common.js';

const deliveryParams = z.object({ id: z.coerce.number().int().positive().describe('Delivery id') });

type ById = { params: z.output<typeof webhookIdParams>; query?: object; body?: object };
const byId = ({ params, query, body }: ById) => ({ ...query, ...body, id: params.id });
const byDelivery = ({ params }: { params: z.output<typeof deliveryParams> }) => ({ deliveryId: params.id });

/** A webhook's deliveries and attempts: adapters onto the `webhooks.*` operations. */
export function webhookDeliveryRoutes(services: Services) {
  const tag = 'webhooks';
  const route = operationRoutes(webhookHandlers(services));
  return [
    route('webhooks.deliveries', {
      method: 'get',
      path: '/webhooks/:id/deliveries',
      tag,
      summary: "A webhook's deliveries, newest first",
      description: 'Filter by `status`; page with `before` = the `next` of the previous page.',
      params: webhookIdParams,
      query: deliveriesQuery,
      input: byId,
      response: { status: 200, description: 'One page of deliveries', schema: deliveryListSchema },
    }),
    route('webhooks.test', {
      method: 'post',
      path: '/webhooks/:id/test',
      tag,
      summary: 'Send a test event to this webhook',
      description:
        'Publishes a `webhook.test` event that only this webhook receives. Follow the returned delivery.',
      params: webhookIdParams,
      input: byId,
      response: { status: 202, description: 'The test delivery, queued', schema: deliverySchema },
    }),
    route('webhooks.retryFailed', {
      method: 'post',
      path: '/webhooks/:id/retry',
      tag,
      summary: 'Retry every failed delivery of a webhook',
      params: webhookIdParams,
      input: byId,
      response: { status: 202, description: 'How many were queued again', schema: retriedSchema },
    }),
    route('webhooks.discardFailed', {
      method: 'post',
      path: '/webhooks/:id/deliveries/discard',
      tag,
      summary: 'Discard failed deliveries of a webhook',
      description:
        'Removes failed deliveries (all of them, or those listed in `ids`) with their attempts; they ' +
        'cannot be retried afterwards, and their events age out of the event log after 7 days like ' +
        'any other. Pending and succeeded deliveries are left alone. An id that is no delivery of ' +
        'this webhook is refused (VALIDATION_FAILED naming it) and nothing is discarded.',
      params: webhookIdParams,
      body: discardDeliveriesInput,
      input: byId,
      response: { status: 200, description: 'How many were discarded', schema: discardedSchema },
    }),
    route('webhooks.delivery', {
      method: 'get',
      path: '/webhooks/deliveries/:id',
      tag,
      summary: 'A delivery with every attempt (status, latency, answer excerpt)',
      params: deliveryParams,
      input: byDelivery,
      response: { status: 200, description: 'The delivery and its attempts', schema: deliveryDetailSchema },
    }),
    route('webhooks.retryDelivery', {
      method: 'post',
      path: '/webhooks/deliveries/:id/retry',
      tag,
      summary: 'Send one delivery again now',
      description:
        'A failed delivery starts a new round of attempts; a pending one skips its wait. ' +
        'CONFLICT if it already succeeded or its event is no longer stored.',
      params: deliveryParams,
      input: byDelivery,
      response: { status: 202, description: 'The delivery, queued', schema: deliverySchema },
    }),
  ];
}
