import type { Handlers } from '../../src-shared/contract.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type WebhookOps = Extract<keyof Handlers<RpcContext>, `webhooks.${string}`>;

/** The UI's webhook calls (the RPC bridge admits only the admin key and the desktop window). */
export function webhookHandlers({ webhooks, actors }: Services): Pick<Handlers<RpcContext>, WebhookOps> {
  return {
    'webhooks.list': () => ({ items: webhooks.list(), next: null }),
    'webhooks.get': ({ id }) => webhooks.get(id),
    'webhooks.create': (input) => webhooks.create(input),
    'webhooks.update': ({ id, ...patch }) => webhooks.update(id, patch),
    'webhooks.delete': ({ id }) => {
      webhooks.delete(id);
      return { deleted: true as const };
    },
    'webhooks.rotateSecret': ({ id }) => webhooks.rotateSecret(id),
    'webhooks.deliveries': ({ id, ...query }) => webhooks.deliveries(id, query),
    'webhooks.delivery': ({ deliveryId }) => webhooks.delivery(deliveryId),
    'webhooks.retryDelivery': ({ deliveryId }) => webhooks.retryDelivery(deliveryId),
    'webhooks.retryFailed': ({ id }) => webhooks.retryFailed(id),
    'webhooks.discardFailed': ({ id, ids }) => webhooks.discardFailed(id, ids),
    'webhooks.test': ({ id }, ctx) => webhooks.test(id, actors.of(ctx.principal)),
    'webhooks.eventTypes': () => webhooks.eventTypes(),
  };
}
