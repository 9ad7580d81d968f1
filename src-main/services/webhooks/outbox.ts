import { OPT_IN_EVENT_TYPES, type AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import type { Db } from '../../db/connection.js';
import type { OutboxWriter } from '../events/event-recorder.js';
import { EVERYONE, type WebhookAudience } from './audience.js';
import { orderKey } from './order-key.js';

interface ActiveWebhook {
  id: string;
  sessionId: string | null;
  eventTypes: Set<string> | null;
  ownerUserId: string | null;
}

/**
 * The webhook outbox: registered with EventRecorder, it runs inside the transaction that stores
 * each event and inserts one pending delivery per matching enabled webhook, so a delivery exists
 * exactly when its event does. The enabled webhooks are cached until a webhook changes.
 */
export class WebhookOutbox {
  private active: ActiveWebhook[] | null = null;
  private readonly selectActive;
  private readonly insert;

  constructor(
    db: Db,
    /** Told after rows were written (the delivery worker wakes up). */
    private readonly onWritten: () => void,
    private readonly now: () => number = Date.now,
    /** Whether an owned webhook's owner may read the event (issue #26 point 12). */
    private readonly audience: WebhookAudience = EVERYONE,
  ) {
    this.selectActive = db.$client.prepare<
      [],
      { id: string; session_id: string | null; event_types: string | null; owner_user_id: string | null }
    >(
      'SELECT id, session_id, event_types, owner_user_id FROM webhooks WHERE enabled = 1 ORDER BY created_at, id',
    );
    this.insert = db.$client.prepare<[string, string, string, number, number]>(
      `INSERT INTO webhook_deliveries (webhook_id, event_id, order_key, status, attempts, next_attempt_at, created_at)
       VALUES (?, ?, ?, 'pending', 0, ?, ?)`,
    );
  }

  /**
   * Whether an enabled webhook names `type` for events of `sessionId` (an opt-in type such as
   * `history.messages` is recorded only then).
   */
  subscribes(type: string, sessionId: string): boolean {
    return this.webhooks().some(
      (webhook) =>
        webhook.eventTypes?.has(type) === true &&
        (webhook.sessionId === null || webhook.sessionId === sessionId),
    );
  }

  /** Forget the cached webhooks; call after any change to the webhooks table. */
  invalidate(): void {
    this.active = null;
  }

  readonly write: OutboxWriter = (event) => {
    let written = 0;
    const now = this.now();
    for (const webhook of this.webhooks()) {
      if (!matches(webhook, event) || !this.audience(webhook.ownerUserId, event)) continue;
      this.insert.run(webhook.id, event.id, orderKey(webhook.id, event), now, now);
      written += 1;
    }
    // The transaction commits before this runs: the worker never looks before the rows exist.
    if (written > 0) setImmediate(this.onWritten);
  };

  private webhooks(): ActiveWebhook[] {
    this.active ??= this.selectActive.all().map((row) => ({
      id: row.id,
      sessionId: row.session_id,
      eventTypes: row.event_types ? new Set(JSON.parse(row.event_types) as string[]) : null,
      ownerUserId: row.owner_user_id,
    }));
    return this.active;
  }
}

function matches(webhook: ActiveWebhook, event: AnyEventEnvelope): boolean {
  // Events addressed to one webhook reach it whatever it subscribes to, and no other.
  if (event.type === 'webhook.test' || event.type === 'automation.rule_matched')
    return event.data.webhookId === webhook.id;
  // Routing calls its rule-engine webhook itself (an answer is needed at once, services/routing/)
  // and logs that delivery; the worker must not send it again.
  if (event.type === 'routing.requested') return false;
  if (webhook.sessionId !== null && webhook.sessionId !== event.session) return false;
  // Opt-in types (history.messages) only to webhooks that name them, never to "every type".
  if (webhook.eventTypes === null) return !OPT_IN_EVENT_TYPES.has(event.type);
  return webhook.eventTypes.has(event.type);
}
