import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import type { Logger } from '../../core/logger.js';
import { EVERYONE, type WebhookAudience } from './audience.js';
import type { DeliveryConfig } from './delivery-config.js';
import type { AttemptRecord, DeliveryStore, DueDelivery } from './delivery-store.js';
import type { Sender } from './http-sender.js';
import type { ReplyHandler } from './reply-handler.js';
import { decide, type Decision } from './retry-policy.js';
import { signatureHeaders } from './signature.js';

/** Even with nothing due, look again this often (a safety net; wake() is the normal path). */
const IDLE_POLL_MS = 60_000;
const MAINTENANCE_MS = 60 * 60 * 1000;
const EXCERPT_CHARS = 500;
/** Deliveries of one order key sent back to back before all keys are looked at again. */
const CHAIN_LIMIT = 32;

/** What a finished send leaves to store: the attempt and what happens next. */
interface Outcome {
  attempt: AttemptRecord;
  decision: Decision;
  /** Null when the event could not be sent at all (gone, or its owner may no longer read it). */
  event: AnyEventEnvelope | null;
  responseText: string | null;
}

/** A delivery that is done in flight: its outcome (null: nothing to store) and its chain. */
interface Finished {
  head: DueDelivery;
  chained: number;
  outcome: Outcome | null;
}

interface DeliveryWorkerDeps {
  store: DeliveryStore;
  send: Sender;
  replies: ReplyHandler;
  logger: Logger;
  config: DeliveryConfig;
  userAgent: string;
  /** Whether an owned webhook's owner may still read the event (rights may have changed since it was queued). */
  audience?: WebhookAudience;
  now?: () => number;
  random?: () => number;
}

/**
 * Sends pending webhook deliveries. Each order key (webhook + session + chat) has at most one
 * delivery in flight and only its oldest pending one is sent, so a chat's events arrive in
 * order; up to `concurrency` keys go out in parallel. It wakes when the outbox writes rows,
 * when a retry comes due and when a delivery finishes. State lives in the database only, so a
 * crash loses nothing: what was pending is sent after the next start.
 */
export class DeliveryWorker {
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private maintenance: NodeJS.Timeout | null = null;
  private wakeQueued = false;
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Finished deliveries whose outcome is stored at the next flush (see finish()). */
  private readonly finished: Finished[] = [];
  private flushQueued = false;
  private abort = new AbortController();
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly deps: DeliveryWorkerDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.abort = new AbortController();
    this.prune();
    this.maintenance = setInterval(() => this.prune(), MAINTENANCE_MS);
    this.maintenance.unref();
    this.poll();
  }

  /** Stops sending; requests in flight are aborted and not recorded, so they run again after restart. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.maintenance) clearInterval(this.maintenance);
    this.timer = null;
    this.maintenance = null;
    this.abort.abort();
    await Promise.allSettled([...this.inFlight.values()]);
    // What finished before the stop is stored now (sending more is refused: not running).
    this.flush();
  }

  /** Look for work soon (after the current transaction has committed). */
  wake(): void {
    if (!this.running || this.wakeQueued) return;
    this.wakeQueued = true;
    setImmediate(() => {
      this.wakeQueued = false;
      this.poll();
    });
  }

  /** Deliveries being sent right now. */
  busy(): number {
    return this.inFlight.size;
  }

  private poll(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    let heads: DueDelivery[];
    try {
      heads = this.deps.store.heads();
    } catch (error) {
      this.deps.logger.error({ err: error }, 'webhook worker could not read deliveries');
      this.schedule(IDLE_POLL_MS);
      return;
    }
    const now = this.now();
    let nextDue = Number.POSITIVE_INFINITY;
    for (const head of heads) {
      if (this.inFlight.has(head.orderKey)) continue;
      if (head.nextAttemptAt > now) {
        nextDue = Math.min(nextDue, head.nextAttemptAt);
        continue;
      }
      // Full: a finishing delivery wakes the worker again.
      if (this.inFlight.size >= this.deps.config.concurrency) break;
      this.launch(head);
    }
    this.schedule(Number.isFinite(nextDue) ? Math.max(0, nextDue - now) : IDLE_POLL_MS);
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => this.poll(), Math.min(delayMs, IDLE_POLL_MS));
  }

  private launch(head: DueDelivery, chained = 0): void {
    const work = this.deliver(head).then(
      (outcome) => this.finish({ head, chained, outcome }),
      (error: unknown) => {
        this.deps.logger.error({ err: error, deliveryId: head.id }, 'webhook delivery crashed');
        this.finish({ head, chained, outcome: null });
      },
    );
    this.inFlight.set(head.orderKey, work);
  }

  /**
   * A finished delivery's outcome is stored with the others that finished in the same turn of
   * the event loop, in one transaction (a drain of many chats commits once per few deliveries,
   * not once per delivery); only then is its order key's slot freed, so the next delivery of
   * the chat is read after this one is stored. Until then it is still pending in the database:
   * a crash in between sends it again (at least once, as before).
   */
  private finish(done: Finished): void {
    this.finished.push(done);
    if (this.flushQueued) return;
    this.flushQueued = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushQueued = false;
    const batch = this.finished.splice(0);
    if (batch.length === 0) return;
    const stored = batch.filter((done): done is Finished & { outcome: Outcome } => done.outcome !== null);
    try {
      this.deps.store.recordAttempts(
        stored.map(({ head, outcome }) => ({
          deliveryId: head.id,
          attemptsBefore: head.attempts,
          attempt: outcome.attempt,
          decision: outcome.decision,
        })),
      );
    } catch (error) {
      // Nothing was stored: the deliveries stay pending and go out again.
      this.deps.logger.error({ err: error }, 'webhook worker could not store delivery results');
      stored.length = 0;
    }
    for (const done of stored) this.report(done.head, done.outcome);
    for (const { head } of batch) this.inFlight.delete(head.orderKey);
    for (const { head, chained } of batch) {
      if (!this.sendNextOfKey(head.orderKey, chained)) this.wake();
    }
  }

  /**
   * A backlog drains without a full look at every order key after each delivery: the slot just
   * freed goes to the next due delivery of the same key (one indexed read), up to
   * CHAIN_LIMIT in a row, after which the oldest heads of all keys are looked at again so no
   * chat waits behind a busy one for long.
   */
  private sendNextOfKey(orderKey: string, chained: number): boolean {
    if (!this.running || chained >= CHAIN_LIMIT || this.inFlight.has(orderKey)) return false;
    if (this.inFlight.size >= this.deps.config.concurrency) return false;
    let next: DueDelivery | null;
    try {
      next = this.deps.store.next(orderKey);
    } catch {
      return false;
    }
    if (!next || next.nextAttemptAt > this.now()) return false;
    this.launch(next, chained + 1);
    return true;
  }

  /** Sends one delivery; what to store about it (null: stopped meanwhile, nothing is stored). */
  private async deliver(head: DueDelivery): Promise<Outcome | null> {
    const { store, config } = this.deps;
    const event = store.event(head.eventId);
    const refusal = !event
      ? 'the event is no longer stored'
      : !(this.deps.audience ?? EVERYONE)(head.ownerUserId, event)
        ? "the webhook's owner may no longer read this event"
        : null;
    if (!event || refusal) {
      return {
        attempt: {
          attemptedAt: this.now(),
          statusCode: null,
          latencyMs: 0,
          error: refusal,
          responseExcerpt: null,
        },
        decision: { status: 'failed' },
        event: null,
        responseText: null,
      };
    }
    const body = JSON.stringify(event);
    const attemptedAt = this.now();
    const headers = {
      ...head.headers,
      'content-type': 'application/json',
      'user-agent': this.deps.userAgent,
      ...signatureHeaders(head.secret, event.id, Math.floor(attemptedAt / 1000), body),
    };
    const result = await this.deps.send({
      url: head.url,
      headers,
      body,
      timeoutMs: config.timeoutMs,
      signal: this.abort.signal,
    });
    if (!this.running) return null;
    const decision = decide(
      config.retry,
      { statusCode: result.statusCode, retryAfter: result.retryAfter },
      head.attempts + 1,
      this.now(),
      this.random,
    );
    return {
      attempt: {
        attemptedAt,
        statusCode: result.statusCode,
        latencyMs: result.latencyMs,
        error: result.error,
        responseExcerpt: result.responseText ? result.responseText.slice(0, EXCERPT_CHARS) : null,
      },
      decision,
      event,
      responseText: result.responseText,
    };
  }

  /** After the outcome is stored: a reply the receiver answered with, or the log line. */
  private report(head: DueDelivery, outcome: Outcome): void {
    const { event, decision } = outcome;
    if (!event) return;
    const context = {
      webhookId: head.webhookId,
      deliveryId: head.id,
      eventId: event.id,
      attempts: head.attempts + 1,
    };
    if (decision.status === 'succeeded') {
      void this.deps.replies.handle(head.webhookId, event, outcome.responseText);
    } else if (decision.status === 'failed') {
      this.deps.logger.warn({ ...context, error: outcome.attempt.error }, 'webhook delivery failed for good');
    } else {
      this.deps.logger.debug(
        { ...context, error: outcome.attempt.error, nextAttemptAt: decision.nextAttemptAt },
        'webhook retry scheduled',
      );
    }
  }

  private prune(): void {
    try {
      this.deps.store.pruneSucceeded(this.now());
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'pruning old webhook deliveries failed');
    }
  }
}
