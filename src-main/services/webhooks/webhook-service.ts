import type { Actor } from '../../../src-shared/contract/people.js';
import { maskHeaders, mergeHeaderEdit } from './header-mask.js';
import { asc, eq } from 'drizzle-orm';
import type {
  CreatedWebhook,
  CreateWebhookInput,
  EventTypeList,
  UpdateWebhookInput,
  Webhook,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryList,
  DeliveryStatus,
} from '../../../src-shared/contract/webhooks.js';
import { EVENT_DESCRIPTIONS, SUBSCRIBABLE_EVENT_TYPES } from '../../../src-shared/contract/webhooks.js';
import { AppError } from '../../../src-shared/errors.js';
import { sortableId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';
import { sessions, webhooks } from '../../db/schema.js';
import type { EventRecorder } from '../events/event-recorder.js';
import { discardFailedDeliveries } from './discard.js';
import type { WebhookOutbox } from './outbox.js';
import type { ReplyHandler, WebhookReplyActions } from './reply-handler.js';
import { generateSecret } from './signature.js';

type WebhookRow = typeof webhooks.$inferSelect;

interface DeliveryRow {
  id: number;
  webhook_id: string;
  event_id: string;
  event_type: string | null;
  session_id: string | null;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
}

const DELIVERY_COLUMNS = `d.id, d.webhook_id, d.event_id, e.type AS event_type, e.session_id, d.status, d.attempts,
  d.next_attempt_at, d.last_status_code, d.last_error, d.created_at, d.delivered_at
  FROM webhook_deliveries AS d LEFT JOIN events AS e ON e.id = d.event_id`;

/**
 * Webhooks: their settings and signing secrets, the deliveries the outbox wrote for them, and
 * the owner's commands (retry, discard, test). Sending is the delivery worker's job.
 */
export class WebhookService {
  private readonly ownerName;

  constructor(
    private readonly db: Db,
    private readonly events: EventRecorder,
    private readonly outbox: WebhookOutbox,
    private readonly replies: ReplyHandler,
    /** Wakes the delivery worker after a retry was queued. */
    private readonly wake: () => void,
    private readonly now: () => number = Date.now,
  ) {
    this.ownerName = db.$client.prepare<[string], string>('SELECT name FROM users WHERE id = ?').pluck();
  }

  /** Registers what `{"reply"}` and `{"rejectMessage"}` answers do (the messaging and calls services). */
  setReplyActions(actions: WebhookReplyActions): void {
    this.replies.setActions(actions);
  }

  eventTypes(): EventTypeList {
    return {
      items: SUBSCRIBABLE_EVENT_TYPES.map((type) => ({
        type,
        description: EVENT_DESCRIPTIONS[type] ?? type,
      })),
    };
  }

  /** Every webhook, oldest first (who may see which: `access/owned-records.ts`). */
  list(): Webhook[] {
    const rows = this.db.select().from(webhooks).orderBy(asc(webhooks.createdAt), asc(webhooks.id)).all();
    const counts = this.counts();
    return rows.map((row) => this.toWebhook(row, counts.get(row.id)));
  }

  get(id: string): Webhook {
    return this.toWebhook(this.row(id), this.counts(id).get(id));
  }

  /**
   * `ownerUserId`: the person creating it (issue #26 point 12), whose rights then filter what it
   * receives (`WebhookAudience`); null for keys and the desktop.
   */
  create(input: CreateWebhookInput, ownerUserId: string | null = null): CreatedWebhook {
    if (input.session) this.assertSessionExists(input.session);
    const id = sortableId('wh');
    const secret = generateSecret();
    this.db
      .insert(webhooks)
      .values({
        id,
        name: input.name ?? new URL(input.url).host,
        url: input.url,
        sessionId: input.session ?? null,
        eventTypes: input.events ? [...new Set(input.events)] : null,
        secret,
        headers: input.headers ?? {},
        enabled: input.enabled ?? true,
        createdAt: new Date(this.now()).toISOString(),
        ownerUserId,
      })
      .run();
    this.outbox.invalidate();
    return { webhook: this.get(id), secret };
  }

  update(id: string, patch: UpdateWebhookInput): Webhook {
    this.row(id);
    if (patch.session) this.assertSessionExists(patch.session);
    const changes: Partial<WebhookRow> = {};
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.url !== undefined) changes.url = patch.url;
    if (patch.session !== undefined) changes.sessionId = patch.session;
    if (patch.events !== undefined) changes.eventTypes = patch.events ? [...new Set(patch.events)] : null;
    if (patch.headers !== undefined)
      changes.headers = mergeHeaderEdit(this.row(id).headers ?? {}, patch.headers);
    if (patch.enabled !== undefined) changes.enabled = patch.enabled;
    if (Object.keys(changes).length > 0) {
      this.db.update(webhooks).set(changes).where(eq(webhooks.id, id)).run();
      this.outbox.invalidate();
      // Re-enabled: its waiting deliveries may go out now.
      if (patch.enabled) this.wake();
    }
    return this.get(id);
  }

  /** Removes the webhook with its deliveries and their attempts. */
  delete(id: string): void {
    this.row(id);
    this.db.delete(webhooks).where(eq(webhooks.id, id)).run();
    this.outbox.invalidate();
  }

  /** Whether an enabled webhook subscribes to `type` (by name) for events of `sessionId`. */
  subscribes(type: string, sessionId: string): boolean {
    return this.outbox.subscribes(type, sessionId);
  }

  /** Webhooks were deleted elsewhere (with their session): stop matching events against them. */
  forgetRemovedWebhooks(): void {
    this.outbox.invalidate();
  }

  /** A new signing secret; the old one stops being used at once. */
  rotateSecret(id: string): { secret: string } {
    this.row(id);
    const secret = generateSecret();
    this.db.update(webhooks).set({ secret }).where(eq(webhooks.id, id)).run();
    return { secret };
  }

  deliveries(
    webhookId: string,
    query: { status?: DeliveryStatus | undefined; limit: number; before?: number | undefined },
  ): WebhookDeliveryList {
    this.row(webhookId);
    const conditions = ['d.webhook_id = ?'];
    const params: (string | number)[] = [webhookId];
    if (query.status) {
      conditions.push('d.status = ?');
      params.push(query.status);
    }
    if (query.before !== undefined) {
      conditions.push('d.id < ?');
      params.push(query.before);
    }
    const rows = this.db.$client
      .prepare<(string | number)[], DeliveryRow>(
        `SELECT ${DELIVERY_COLUMNS} WHERE ${conditions.join(' AND ')} ORDER BY d.id DESC LIMIT ?`,
      )
      .all(...params, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toDelivery),
      next: rows.length > query.limit && last ? String(last.id) : null,
    };
  }

  delivery(deliveryId: number): WebhookDeliveryDetail {
    const row = this.deliveryRow(deliveryId);
    const attempts = this.db.$client
      .prepare<
        [number],
        {
          id: number;
          attempted_at: number;
          status_code: number | null;
          latency_ms: number;
          error: string | null;
          response_excerpt: string | null;
        }
      >(
        `SELECT id, attempted_at, status_code, latency_ms, error, response_excerpt
           FROM webhook_attempts WHERE delivery_id = ? ORDER BY id`,
      )
      .all(deliveryId);
    const attemptLog: WebhookAttempt[] = attempts.map((attempt) => ({
      id: attempt.id,
      attemptedAt: new Date(attempt.attempted_at).toISOString(),
      statusCode: attempt.status_code,
      latencyMs: attempt.latency_ms,
      error: attempt.error,
      responseExcerpt: attempt.response_excerpt,
    }));
    return { ...toDelivery(row), attemptLog };
  }

  /** The webhook a delivery belongs to (for access checks). */
  webhookOfDelivery(deliveryId: number): Webhook {
    return this.get(this.deliveryRow(deliveryId).webhook_id);
  }

  /**
   * Sends a delivery again now. A failed one starts a new round of attempts; a pending one
   * skips its wait. Already delivered, or its event is no longer stored: CONFLICT.
   */
  retryDelivery(deliveryId: number): WebhookDelivery {
    const row = this.deliveryRow(deliveryId);
    if (row.status === 'succeeded') throw new AppError('CONFLICT', 'this delivery has already succeeded');
    // The event log keeps what unfinished deliveries need, but rows older than that rule lost it.
    if (row.event_type === null) {
      throw new AppError('CONFLICT', 'the event of this delivery is no longer stored, so it cannot be sent');
    }
    this.db.$client
      .prepare<[number, number]>(
        `UPDATE webhook_deliveries SET status = 'pending', attempts = CASE WHEN status = 'failed' THEN 0 ELSE attempts END,
           next_attempt_at = ? WHERE id = ? AND status != 'succeeded'`,
      )
      .run(this.now(), deliveryId);
    this.wake();
    return toDelivery(this.deliveryRow(deliveryId));
  }

  /**
   * Queues every failed delivery of a webhook again, oldest first (order per chat is kept);
   * those whose event is no longer stored stay failed.
   */
  retryFailed(webhookId: string): { retried: number } {
    this.row(webhookId);
    const { changes } = this.db.$client
      .prepare<[number, string]>(
        `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?
          WHERE webhook_id = ? AND status = 'failed'
            AND EXISTS (SELECT 1 FROM events WHERE events.id = webhook_deliveries.event_id)`,
      )
      .run(this.now(), webhookId);
    if (changes > 0) this.wake();
    return { retried: changes };
  }

  /**
   * Throws away failed deliveries of a webhook (all, or those among `ids`) with their attempts,
   * so their events can age out; pending and succeeded ones stay. See `discard.ts`.
   */
  discardFailed(webhookId: string, ids?: readonly number[]): { discarded: number } {
    this.row(webhookId);
    return discardFailedDeliveries(this.db, webhookId, ids);
  }

  /** Publishes a `webhook.test` event that only this webhook receives; returns its delivery. */
  test(id: string, actor?: Actor): WebhookDelivery {
    const webhook = this.row(id);
    if (!webhook.enabled)
      throw new AppError('CONFLICT', 'this webhook is disabled; enable it to send a test');
    const event = this.events.record(
      'webhook.test',
      webhook.sessionId,
      {
        webhookId: id,
        text: 'Test from Chatdock: if you can read this, the webhook works.',
      },
      actor,
    );
    const row = this.db.$client
      .prepare<[string, string], DeliveryRow>(
        `SELECT ${DELIVERY_COLUMNS} WHERE d.event_id = ? AND d.webhook_id = ?`,
      )
      .get(event.id, id);
    if (!row) throw new AppError('INTERNAL', 'the test delivery was not written');
    return toDelivery(row);
  }

  private counts(webhookId?: string): Map<string, { pending: number; failed: number }> {
    const rows = this.db.$client
      .prepare<string[], { webhook_id: string; status: string; n: number }>(
        `SELECT webhook_id, status, COUNT(*) AS n FROM webhook_deliveries
          WHERE status IN ('pending', 'failed') ${webhookId ? 'AND webhook_id = ?' : ''}
          GROUP BY webhook_id, status`,
      )
      .all(...(webhookId ? [webhookId] : []));
    const counts = new Map<string, { pending: number; failed: number }>();
    for (const row of rows) {
      const entry = counts.get(row.webhook_id) ?? { pending: 0, failed: 0 };
      if (row.status === 'pending') entry.pending = row.n;
      else entry.failed = row.n;
      counts.set(row.webhook_id, entry);
    }
    return counts;
  }

  private toWebhook(row: WebhookRow, counts?: { pending: number; failed: number }): Webhook {
    const owner = row.ownerUserId
      ? { id: row.ownerUserId, name: this.ownerName.get(row.ownerUserId) ?? row.ownerUserId }
      : null;
    return toWebhook(row, owner, counts);
  }

  private row(id: string): WebhookRow {
    const row = this.db.select().from(webhooks).where(eq(webhooks.id, id)).get();
    if (!row) throw new AppError('NOT_FOUND', `no webhook "${id}"`);
    return row;
  }

  private deliveryRow(deliveryId: number): DeliveryRow {
    const row = this.db.$client
      .prepare<[number], DeliveryRow>(`SELECT ${DELIVERY_COLUMNS} WHERE d.id = ?`)
      .get(deliveryId);
    if (!row) throw new AppError('NOT_FOUND', `no delivery ${deliveryId}`);
    return row;
  }

  private assertSessionExists(sessionId: string): void {
    const found = this.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, sessionId)).get();
    if (!found) throw new AppError('VALIDATION_FAILED', `session: no session "${sessionId}"`, 'session');
  }
}

function toWebhook(row: WebhookRow, owner: Webhook['owner'], counts = { pending: 0, failed: 0 }): Webhook {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    session: row.sessionId,
    events: row.eventTypes,
    headers: maskHeaders(row.headers ?? {}),
    enabled: row.enabled,
    createdAt: row.createdAt,
    pending: counts.pending,
    failed: counts.failed,
    owner,
  };
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventId: row.event_id,
    eventType: row.event_type,
    session: row.session_id,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? new Date(row.next_attempt_at).toISOString() : null,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: new Date(row.created_at).toISOString(),
    deliveredAt: row.delivered_at === null ? null : new Date(row.delivered_at).toISOString(),
  };
}
