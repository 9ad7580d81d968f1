import type { Handlers } from '../../src-shared/contract.js';
import { checkRecordSession, ownSessionOf } from '../services/access/authorizer.js';
import { checkOwnedRecord, ownerIdOf, seesOwnedRecord } from '../services/access/owned-records.js';
import type { Principal } from '../services/access/principal.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type WebhookOps = Extract<keyof Handlers<RpcContext>, `webhooks.${string}`>;

/**
 * The webhook operations, for the UI's calls and the REST adapters (api/routes/webhooks.ts,
 * webhook-deliveries.ts) alike. The operation's access lets in every person and every key with
 * `webhooks:manage`; which webhook each may touch is decided here, by `owned-records.ts`:
 * admins and keys all (a session key its own number's), agents their own.
 */
export function webhookHandlers({ webhooks, actors }: Services): Pick<Handlers<RpcContext>, WebhookOps> {
  /** The webhook, once the caller may use it. */
  const usable = (principal: Principal, id: string) => {
    const webhook = webhooks.get(id);
    checkOwnedRecord(principal, webhook);
    return webhook;
  };
  const usableDelivery = (principal: Principal, deliveryId: number) =>
    checkOwnedRecord(principal, webhooks.webhookOfDelivery(deliveryId));

  return {
    'webhooks.list': (_input, { principal }) => ({
      items: webhooks.list().filter((webhook) => seesOwnedRecord(principal, webhook)),
      next: null,
    }),
    'webhooks.get': ({ id }, { principal }) => usable(principal, id),
    'webhooks.create': (input, { principal }) => {
      // A session key's webhook is bound to its session when none is named.
      const session = input.session ?? ownSessionOf(principal) ?? null;
      checkRecordSession(principal, session);
      return webhooks.create({ ...input, session }, ownerIdOf(principal));
    },
    'webhooks.update': ({ id, ...patch }, { principal }) => {
      usable(principal, id);
      if (patch.session !== undefined) checkRecordSession(principal, patch.session);
      return webhooks.update(id, patch);
    },
    'webhooks.delete': ({ id }, { principal }) => {
      usable(principal, id);
      webhooks.delete(id);
      return { deleted: true as const };
    },
    'webhooks.rotateSecret': ({ id }, { principal }) => {
      usable(principal, id);
      return webhooks.rotateSecret(id);
    },
    'webhooks.deliveries': ({ id, ...query }, { principal }) => {
      usable(principal, id);
      return webhooks.deliveries(id, query);
    },
    'webhooks.delivery': ({ deliveryId }, { principal }) => {
      usableDelivery(principal, deliveryId);
      return webhooks.delivery(deliveryId);
    },
    'webhooks.retryDelivery': ({ deliveryId }, { principal }) => {
      usableDelivery(principal, deliveryId);
      return webhooks.retryDelivery(deliveryId);
    },
    'webhooks.retryFailed': ({ id }, { principal }) => {
      usable(principal, id);
      return webhooks.retryFailed(id);
    },
    'webhooks.discardFailed': ({ id, ids }, { principal }) => {
      usable(principal, id);
      return webhooks.discardFailed(id, ids);
    },
    'webhooks.test': ({ id }, { principal }) => {
      usable(principal, id);
      return webhooks.test(id, actors.of(principal));
    },
    'webhooks.eventTypes': () => webhooks.eventTypes(),
  };
}
