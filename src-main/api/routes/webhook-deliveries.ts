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
import type { Services } from '../../services/index.js';
import { checkRecordSession } from '../../services/access/authorizer.js';
import { MANAGE_WEBHOOKS } from '../../../src-shared/access.js';
import { defineRoute } from '../route.js';
import { webhookIdParams } from './common.js';

const deliveryParams = z.object({ id: z.coerce.number().int().positive().describe('Delivery id') });

export function webhookDeliveryRoutes({ webhooks, actors }: Services) {
  const tag = 'webhooks';
  return [
    defineRoute({
      method: 'get',
      path: '/webhooks/:id/deliveries',
      tag,
      summary: "A webhook's deliveries, newest first",
      description: 'Filter by `status`; page with `before` = the `next` of the previous page.',
      access: MANAGE_WEBHOOKS,
      params: webhookIdParams,
      query: deliveriesQuery,
      response: { status: 200, description: 'One page of deliveries', schema: deliveryListSchema },
      handler: ({ params, query, principal }) => {
        checkRecordSession(principal, webhooks.get(params.id).session);
        return webhooks.deliveries(params.id, query);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/webhooks/:id/test',
      tag,
      summary: 'Send a test event to this webhook',
      description:
        'Publishes a `webhook.test` event that only this webhook receives. Follow the returned delivery.',
      access: { ...MANAGE_WEBHOOKS, limits: ['sensitive'] },
      params: webhookIdParams,
      response: { status: 202, description: 'The test delivery, queued', schema: deliverySchema },
      handler: ({ params, principal }) => {
        checkRecordSession(principal, webhooks.get(params.id).session);
        return webhooks.test(params.id, actors.of(principal));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/webhooks/:id/retry',
      tag,
      summary: 'Retry every failed delivery of a webhook',
      access: { ...MANAGE_WEBHOOKS, limits: ['sensitive'] },
      params: webhookIdParams,
      response: { status: 202, description: 'How many were queued again', schema: retriedSchema },
      handler: ({ params, principal }) => {
        checkRecordSession(principal, webhooks.get(params.id).session);
        return webhooks.retryFailed(params.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/webhooks/:id/deliveries/discard',
      tag,
      summary: 'Discard failed deliveries of a webhook',
      description:
        'Removes failed deliveries (all of them, or those listed in `ids`) with their attempts; they ' +
        'cannot be retried afterwards, and their events age out of the event log after 7 days like ' +
        'any other. Pending and succeeded deliveries are left alone. An id that is no delivery of ' +
        'this webhook is refused (VALIDATION_FAILED naming it) and nothing is discarded.',
      access: MANAGE_WEBHOOKS,
      params: webhookIdParams,
      body: discardDeliveriesInput,
      response: { status: 200, description: 'How many were discarded', schema: discardedSchema },
      handler: ({ params, body, principal }) => {
        checkRecordSession(principal, webhooks.get(params.id).session);
        return webhooks.discardFailed(params.id, body.ids);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/webhooks/deliveries/:id',
      tag,
      summary: 'A delivery with every attempt (status, latency, answer excerpt)',
      access: MANAGE_WEBHOOKS,
      params: deliveryParams,
      response: { status: 200, description: 'The delivery and its attempts', schema: deliveryDetailSchema },
      handler: ({ params, principal }) => {
        checkRecordSession(principal, webhooks.webhookOfDelivery(params.id).session);
        return webhooks.delivery(params.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/webhooks/deliveries/:id/retry',
      tag,
      summary: 'Send one delivery again now',
      description:
        'A failed delivery starts a new round of attempts; a pending one skips its wait. ' +
        'CONFLICT if it already succeeded or its event is no longer stored.',
      access: { ...MANAGE_WEBHOOKS, limits: ['sensitive'] },
      params: deliveryParams,
      response: { status: 202, description: 'The delivery, queued', schema: deliverySchema },
      handler: ({ params, principal }) => {
        checkRecordSession(principal, webhooks.webhookOfDelivery(params.id).session);
        return webhooks.retryDelivery(params.id);
      },
    }),
  ];
}
