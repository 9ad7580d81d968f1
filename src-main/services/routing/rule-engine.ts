import {
  ruleEngineAnswerSchema,
  type RoutingRequestedEvent,
  type RuleEngineAnswer,
} from '../../../src-shared/contract/routing.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { Sender } from '../webhooks/http-sender.js';
import { signatureHeaders } from '../webhooks/signature.js';

const EXCERPT_CHARS = 500;

export type RuleEngineOutcome =
  /** `answer` null: an empty 2xx answer ("no opinion"), the default rules decide. */
  | { ok: true; answer: RuleEngineAnswer | null; deliveryId: number }
  | { ok: false; error: string; deliveryId: number | null };

/**
 * Asks a number's rule-engine webhook where a conversation goes. Unlike other events it is not
 * left to the delivery worker: the answer is needed now, within the timeout, and a late answer
 * must not act after the default rules did. So the `routing.requested` event is recorded (the
 * outbox skips it), POSTed here once, signed like every delivery (Standard Webhooks headers,
 * the webhook's own headers), and the attempt is written to that webhook's delivery log as a
 * succeeded or failed delivery — a timeout, an HTTP error or an answer that is not the
 * documented JSON is a failed delivery there, naming why.
 */
export class RuleEngine {
  private readonly webhook;
  private readonly insertDelivery;
  private readonly insertAttempt;

  constructor(
    db: Db,
    private readonly events: EventRecorder,
    private readonly send: Sender,
    private readonly userAgent: string,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    const sqlite = db.$client;
    this.webhook = sqlite.prepare<
      [string],
      { id: string; url: string; secret: string; headers: string | null; enabled: number }
    >('SELECT id, url, secret, headers, enabled FROM webhooks WHERE id = ?');
    this.insertDelivery = sqlite.prepare<
      [string, string, string, string, number, number | null, string | null, number, number | null]
    >(
      `INSERT INTO webhook_deliveries
         (webhook_id, event_id, order_key, status, attempts, next_attempt_at, last_status_code, last_error, created_at, delivered_at)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
    );
    this.insertAttempt = sqlite.prepare<
      [number | bigint, number, number | null, number, string | null, string | null]
    >(
      `INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, latency_ms, error, response_excerpt)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Whether the webhook exists and is enabled (a disabled one is skipped: the rules decide). */
  usable(webhookId: string): boolean {
    return this.webhook.get(webhookId)?.enabled === 1;
  }

  async ask(
    sessionId: string,
    request: Omit<RoutingRequestedEvent, 'webhookId'>,
    webhookId: string,
    timeoutMs: number,
  ): Promise<RuleEngineOutcome> {
    const hook = this.webhook.get(webhookId);
    if (!hook || hook.enabled !== 1)
      return { ok: false, error: 'the webhook is gone or disabled', deliveryId: null };
    const event = this.events.record('routing.requested', sessionId, { webhookId, ...request });
    const body = JSON.stringify(event);
    const attemptedAt = this.now();
    const result = await this.send({
      url: hook.url,
      headers: {
        ...(hook.headers ? (JSON.parse(hook.headers) as Record<string, string>) : {}),
        'content-type': 'application/json',
        'user-agent': this.userAgent,
        ...signatureHeaders(hook.secret, event.id, Math.floor(attemptedAt / 1000), body),
      },
      body,
      timeoutMs,
    });
    const parsed = result.error === null ? parseAnswer(result.responseText) : null;
    const error = result.error ?? (parsed && !parsed.ok ? parsed.error : null);
    const deliveryId = this.log(hook.id, event.id, sessionId, request.chat, attemptedAt, result, error);
    if (error !== null || !parsed?.ok) {
      this.logger.warn({ session: sessionId, webhookId, error }, 'the rule-engine webhook did not decide');
      return { ok: false, error: error ?? 'no answer', deliveryId };
    }
    return { ok: true, answer: parsed.answer, deliveryId };
  }

  private log(
    webhookId: string,
    eventId: string,
    sessionId: string,
    chat: string,
    attemptedAt: number,
    result: Awaited<ReturnType<Sender>>,
    error: string | null,
  ): number {
    return this.events.transaction(() => {
      const finished = this.now();
      const delivery = this.insertDelivery.run(
        webhookId,
        eventId,
        `${webhookId}|${sessionId}|${chat}`,
        error === null ? 'succeeded' : 'failed',
        finished,
        result.statusCode,
        error,
        attemptedAt,
        error === null ? finished : null,
      );
      this.insertAttempt.run(
        delivery.lastInsertRowid,
        attemptedAt,
        result.statusCode,
        result.latencyMs,
        error,
        result.responseText ? result.responseText.slice(0, EXCERPT_CHARS) : null,
      );
      return Number(delivery.lastInsertRowid);
    });
  }
}

/** The documented answer, or why it is not one. An empty 2xx answer means "no opinion": the rules decide. */
export function parseAnswer(
  text: string | null,
): { ok: true; answer: RuleEngineAnswer | null } | { ok: false; error: string } {
  const trimmed = text?.trim() ?? '';
  if (!trimmed) return { ok: true, answer: null };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return { ok: false, error: 'the answer is not JSON' };
  }
  const parsed = ruleEngineAnswerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the answer';
    return { ok: false, error: `${where}: ${issue?.message ?? 'not understood'}` };
  }
  return { ok: true, answer: parsed.data };
}
