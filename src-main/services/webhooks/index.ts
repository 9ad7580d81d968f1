import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import type { EventRecorder } from '../events/event-recorder.js';
import { DEFAULT_DELIVERY, type DeliveryConfig } from './delivery-config.js';
import { webhookAudience, type OwnerPrincipal } from './audience.js';
import { DeliveryStore } from './delivery-store.js';
import { DeliveryWorker } from './delivery-worker.js';
import { httpSend, type Sender } from './http-sender.js';
import { WebhookOutbox } from './outbox.js';
import { ReplyHandler } from './reply-handler.js';
import { WebhookService } from './webhook-service.js';

export type { WebhookReplyActions } from './reply-handler.js';
export { deliveryConfigWith, type DeliveryConfig } from './delivery-config.js';
export { DeliveryWorker } from './delivery-worker.js';
export { WebhookService } from './webhook-service.js';

interface WebhookDeps {
  db: Db;
  events: EventRecorder;
  logger: Logger;
  userAgent: string;
  config?: DeliveryConfig | undefined;
  send?: Sender;
  /** A webhook owner's principal now (people's `principals.of`), for owned webhooks' filter. */
  owners: OwnerPrincipal;
}

/** Wires the webhook outbox into the event recorder and builds the service and its worker. */
export function createWebhooks(deps: WebhookDeps): { service: WebhookService; worker: DeliveryWorker } {
  const logger = deps.logger.child({ component: 'webhooks' });
  const replies = new ReplyHandler(logger);
  const audience = webhookAudience(deps.owners);
  const worker = new DeliveryWorker({
    store: new DeliveryStore(deps.db),
    send: deps.send ?? httpSend,
    replies,
    logger,
    config: deps.config ?? DEFAULT_DELIVERY,
    userAgent: deps.userAgent,
    audience,
  });
  const outbox = new WebhookOutbox(deps.db, () => worker.wake(), Date.now, audience);
  deps.events.addOutboxWriter(outbox.write);
  const service = new WebhookService(deps.db, deps.events, outbox, replies, () => worker.wake());
  return { service, worker };
}
