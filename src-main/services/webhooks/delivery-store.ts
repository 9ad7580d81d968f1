import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import { SYSTEM_ACTOR } from '../../../src-shared/contract/people.js';
import type { Db } from '../../db/connection.js';
import type { Decision } from './retry-policy.js';

/** The oldest pending delivery of one order key, with what is needed to send it. */
export interface DueDelivery {
  id: number;
  webhookId: string;
  eventId: string;
  orderKey: string;
  attempts: number;
  nextAttemptAt: number;
  url: string;
  secret: string;
  headers: Record<string, string>;
  /** The person the webhook belongs to (null: a key's), whose rights are checked before sending. */
  ownerUserId: string | null;
}

export interface AttemptRecord {
  attemptedAt: number;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  responseExcerpt: string | null;
}

/** One finished attempt to store (`recordAttempts`). */
interface AttemptResult {
  deliveryId: number;
  attemptsBefore: number;
  attempt: AttemptRecord;
  decision: Decision;
}

interface HeadRow {
  id: number;
  webhook_id: string;
  event_id: string;
  order_key: string;
  attempts: number;
  next_attempt_at: number;
  url: string;
  secret: string;
  headers: string | null;
  owner_user_id: string | null;
}

interface EventRow {
  id: string;
  type: string;
  session_id: string | null;
  timestamp: string;
  data: string;
  actor: string | null;
}

/** Succeeded deliveries are kept this long for the deliveries list, then pruned. */
const SUCCEEDED_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** The delivery worker's SQL, as prepared statements. */
export class DeliveryStore {
  private readonly selectHeads;
  private readonly selectNext;
  private readonly selectEvent;
  private readonly insertAttempt;
  private readonly updateDelivery;
  private readonly deleteSucceeded;

  constructor(private readonly db: Db) {
    const client = db.$client;
    // Only the head of each order key may go out: later deliveries of a chat wait for it.
    this.selectHeads = client.prepare<[], HeadRow>(
      `SELECT d.id, d.webhook_id, d.event_id, d.order_key, d.attempts, d.next_attempt_at,
              w.url, w.secret, w.headers, w.owner_user_id
         FROM (SELECT MIN(id) AS id FROM webhook_deliveries INDEXED BY webhook_deliveries_pending_idx
                WHERE status = 'pending' GROUP BY order_key) AS h
         JOIN webhook_deliveries AS d ON d.id = h.id
         JOIN webhooks AS w ON w.id = d.webhook_id
        WHERE w.enabled = 1
        ORDER BY d.next_attempt_at, d.id`,
    );
    // The next delivery of one order key, once the one before it is done.
    this.selectNext = client.prepare<[string], HeadRow>(
      `SELECT d.id, d.webhook_id, d.event_id, d.order_key, d.attempts, d.next_attempt_at,
              w.url, w.secret, w.headers, w.owner_user_id
         FROM webhook_deliveries AS d
         JOIN webhooks AS w ON w.id = d.webhook_id
        WHERE d.order_key = ? AND d.status = 'pending' AND w.enabled = 1
        ORDER BY d.id LIMIT 1`,
    );
    this.selectEvent = client.prepare<[string], EventRow>(
      'SELECT id, type, session_id, timestamp, data, actor FROM events WHERE id = ?',
    );
    this.insertAttempt = client.prepare<
      [number, number, number | null, number, string | null, string | null]
    >(
      `INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, latency_ms, error, response_excerpt)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.updateDelivery = client.prepare<
      [string, number, number, number | null, string | null, number | null, number, number]
    >(
      `UPDATE webhook_deliveries
          SET status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?, last_error = ?, delivered_at = ?
        WHERE id = ? AND attempts = ? AND status = 'pending'`,
    );
    this.deleteSucceeded = client.prepare<[number]>(
      "DELETE FROM webhook_deliveries WHERE status = 'succeeded' AND delivered_at < ?",
    );
  }

  heads(): DueDelivery[] {
    return this.selectHeads.all().map(toDue);
  }

  /** The oldest pending delivery of `orderKey` (its head), if any. */
  next(orderKey: string): DueDelivery | null {
    const row = this.selectNext.get(orderKey);
    return row ? toDue(row) : null;
  }

  event(eventId: string): AnyEventEnvelope | null {
    const row = this.selectEvent.get(eventId);
    if (!row) return null;
    return {
      id: row.id,
      type: row.type,
      session: row.session_id,
      timestamp: row.timestamp,
      data: JSON.parse(row.data) as unknown,
      // Webhooks carry who caused the event, as the stream does.
      actor: row.actor ? (JSON.parse(row.actor) as unknown) : SYSTEM_ACTOR,
    } as AnyEventEnvelope;
  }

  /**
   * Logs attempts and moves their deliveries on, all in one transaction (the worker stores what
   * finished in one turn of the event loop together). `attemptsBefore` guards against a change
   * made meanwhile (a manual retry): then only the attempt is logged.
   */
  recordAttempts(records: readonly AttemptResult[]): void {
    if (records.length === 0) return;
    this.db.$client.transaction(() => {
      for (const { deliveryId, attemptsBefore, attempt, decision } of records) {
        this.insertAttempt.run(
          deliveryId,
          attempt.attemptedAt,
          attempt.statusCode,
          attempt.latencyMs,
          attempt.error,
          attempt.responseExcerpt,
        );
        this.updateDelivery.run(
          decision.status,
          attemptsBefore + 1,
          decision.status === 'pending' ? decision.nextAttemptAt : attempt.attemptedAt,
          attempt.statusCode,
          decision.status === 'succeeded' ? null : attempt.error,
          decision.status === 'succeeded' ? attempt.attemptedAt : null,
          deliveryId,
          attemptsBefore,
        );
      }
    })();
  }

  pruneSucceeded(now: number): number {
    return this.deleteSucceeded.run(now - SUCCEEDED_RETENTION_MS).changes;
  }
}

function toDue(row: HeadRow): DueDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventId: row.event_id,
    orderKey: row.order_key,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    url: row.url,
    secret: row.secret,
    headers: row.headers ? (JSON.parse(row.headers) as Record<string, string>) : {},
    ownerUserId: row.owner_user_id,
  };
}
