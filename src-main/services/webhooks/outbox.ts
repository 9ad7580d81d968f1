import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import type { Db } from '../../db/connection.js';
import type { OutboxWriter } from '../events/event-recorder.js';
import { orderKey } from './order-key.js';

interface ActiveWebhook {
  id: string;
  sessionId: string | null;
  eventTypes: Set<string> | null;
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
  ) {
    this.selectActive = db.$client.prepare<
      [],
      { id: string; session_id: string | null; event_types: string | null }
    >('SELECT id, session_id, event_types FROM webhooks WHERE enabled = 1 ORDER BY created_at, id');
    this.insert = db.$client.prepare<[string, string, string, number, number]>(
      `INSERT INTO webhook_deliveries (webhook_id, event_id, order_key, status, attempts, next_attempt_at, created_at)
       VALUES (?, ?, ?, 'pending', 0, ?, ?)`,
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
      if (!matches(webhook, event)) continue;
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
  return webhook.eventTypes === null || webhook.eventTypes.has(event.type);
}
