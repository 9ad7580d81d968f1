import type { Actor } from '../../../src-shared/contract/people.js';
import { isAppError } from '../../../src-shared/errors.js';
import { isGroupJid } from '../../../src-shared/jid.js';
import type { Message } from '../../../src-shared/messages.js';
import type { SendMessageInput } from '../../../src-shared/send-schemas.js';
import type { EventBus } from '../../core/event-bus.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { IdempotencyKeys } from '../idempotency/idempotency.js';
import { systemClock, type Clock } from '../schedule/clock.js';
import { OfflineSessions } from '../schedule/offline-sessions.js';
import { WakeLoop } from '../schedule/wake-loop.js';
import { accepted } from '../../../src-shared/accepted.js';
import { pacedPreview } from './paced-preview.js';
import type { SendPacingSettings } from './send-pacing.js';

interface PacedRow {
  id: string;
  session_id: string;
  chat_jid: string;
  input: string;
  actor: string;
  idempotency_key: string | null;
  send_at: number;
  created_at: number;
}

/** What a send's Idempotency-Key remembers (services/messages/send-service.ts `SendRecord`). */
interface RememberedSend {
  pendingId?: string;
  message?: Message;
}

export interface PacedSendsDeps {
  db: Db;
  events: EventRecorder;
  bus: EventBus;
  idempotency: IdempotencyKeys;
  pacing: SendPacingSettings;
  logger: Logger;
  /** Sends now, without a pause, remembering the answer under `key` (SendService.sendUnpaced). */
  deliver: (sessionId: string, input: SendMessageInput, key: string, actor: Actor) => Promise<Message>;
  newMessageId: (sessionId: string) => string;
  clock?: Clock;
  random?: () => number;
  /** Unexpected errors are retried this many times before the send fails for good. */
  maxAttempts?: number;
}

/**
 * Human-paced group sends (issue #26 point 5, seed 002): an API send to a group is accepted at
 * once (202, `status: pending`, `sendAt`) and goes out after a random pause. The waiting send is
 * a row of `paced_sends`, written in the transaction that remembers its Idempotency-Key, so a
 * kill during the pause loses nothing: at start every row is sent, overdue ones at once.
 *
 * Exactly once: the WhatsApp message id is chosen at acceptance and stored in the row, and the
 * send runs with the idempotency key `paced:<id>`; a send interrupted by a crash is repeated with
 * the same id and key, so SendService answers it from its record or WhatsApp shows the id once.
 * The row goes only after the send, in the transaction that gives the caller's key its answer.
 */
export class PacedSends {
  private pass: Promise<void> | null = null;
  private again = false;
  private clock: Clock;
  private random: () => number;
  private readonly offline: OfflineSessions;
  private readonly loop: WakeLoop;
  private readonly attempts = new Map<string, number>();

  constructor(private readonly deps: PacedSendsDeps) {
    this.clock = deps.clock ?? systemClock;
    this.random = deps.random ?? Math.random;
    this.offline = new OfflineSessions(deps.bus, 30_000);
    this.loop = new WakeLoop(
      () => this.clock,
      this.offline,
      () => this.wake(),
    );
  }

  /** Tests move time by hand and choose the pause. */
  useClock(clock: Clock, random?: () => number): void {
    this.clock = clock;
    if (random) this.random = random;
    if (this.loop.running) this.wake();
  }

  /**
   * Whether this send waits a pause: an API key's send (not a person at the composer, a schedule
   * or a campaign, which pace themselves) of a message (not a reaction) to a group the number is
   * in, with pacing on for the number. An unknown group is sent at once, so WhatsApp's own
   * answer (404) reaches the caller.
   */
  applies(sessionId: string, jid: string, input: SendMessageInput, actor?: Actor): boolean {
    if (actor?.type !== 'key' || input.type === 'reaction' || !isGroupJid(jid)) return false;
    if (!this.deps.pacing.get(sessionId).groupSends) return false;
    return Boolean(
      this.deps.db.$client
        .prepare(`SELECT 1 FROM groups WHERE session_id = ? AND jid = ? AND kind = 'group'`)
        .get(sessionId, jid),
    );
  }

  /** Accepts a checked send: stores it with its time, remembers the key's answer, announces it. */
  enqueue(
    sessionId: string,
    jid: string,
    input: SendMessageInput,
    actor: Actor,
    idempotencyKey: string | undefined,
  ): Message {
    const id = input.id ?? this.deps.newMessageId(sessionId);
    const now = this.clock.now();
    const sendAt = now + this.deps.pacing.pauseMs(this.random);
    const preview = pacedPreview({ id, sessionId, jid, input, actor, now, sendAt });
    const slot = idempotencyKey ? { scope: `send:${sessionId}`, key: idempotencyKey } : null;
    const answer = this.deps.events.transaction(() => {
      // A concurrent retry with the same key got here first: its answer, nothing queued twice.
      const earlier = this.deps.idempotency.recall<RememberedSend & { paced?: Message }>(slot);
      if (earlier) return earlier.message ?? earlier.paced ?? null;
      this.deps.db.$client
        .prepare(
          `INSERT INTO paced_sends (id, session_id, chat_jid, input, actor, idempotency_key, send_at, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          sessionId,
          jid,
          JSON.stringify({ ...input, id }),
          JSON.stringify(actor),
          idempotencyKey ?? null,
          sendAt,
          now,
        );
      this.deps.idempotency.remember(slot, { pendingId: id, paced: preview });
      this.deps.events.record('message.paced', sessionId, preview, actor);
      return null;
    });
    if (answer) return answer.status === 'pending' ? accepted(answer) : answer;
    this.wake();
    return accepted(preview);
  }

  /** The chat's sends still waiting their pause, oldest first, as they were announced. */
  waiting(sessionId: string, jid: string): Message[] {
    return this.deps.db.$client
      .prepare<[string, string], PacedRow>(
        'SELECT * FROM paced_sends WHERE session_id = ? AND chat_jid = ? ORDER BY created_at, id',
      )
      .all(sessionId, jid)
      .map((row) => this.preview(row));
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    this.loop.stop();
    await this.pass;
  }

  /** Resolves once no pass is running: tests wait on it. */
  async idle(): Promise<void> {
    while (this.pass) await this.pass;
  }

  /** Sends what is due now and arms the timer for the next one. */
  wake(): void {
    if (!this.loop.running) return;
    if (this.pass) {
      this.again = true;
      return;
    }
    this.loop.disarm();
    this.pass = this.runPasses()
      // A failed pass (the database, say) must not become an unhandled rejection; the rows stay.
      .catch((error: unknown) => this.deps.logger.error({ err: error }, 'paced send pass failed'))
      .finally(() => {
        this.pass = null;
        this.arm();
      });
  }

  private async runPasses(): Promise<void> {
    do {
      this.again = false;
      await this.sendDue();
    } while (this.again && this.loop.running);
  }

  private rows(): PacedRow[] {
    return this.deps.db.$client.prepare<[], PacedRow>('SELECT * FROM paced_sends ORDER BY send_at').all();
  }

  private async sendDue(): Promise<void> {
    for (const row of this.rows()) {
      const now = this.clock.now();
      if (row.send_at > now) break;
      if (this.offline.heldUntil(row.session_id, now) !== null) continue;
      await this.sendRow(row);
    }
  }

  /** The alarm: the next row's time, or when a held-back number may be tried again. */
  private arm(): void {
    const now = this.clock.now();
    let next = Infinity;
    for (const row of this.rows()) {
      next = Math.min(next, Math.max(row.send_at, this.offline.heldUntil(row.session_id, now) ?? 0));
    }
    this.loop.armAt(next, now);
  }

  private async sendRow(row: PacedRow): Promise<void> {
    const input = JSON.parse(row.input) as SendMessageInput;
    const actor = JSON.parse(row.actor) as Actor;
    try {
      const message = await this.deps.deliver(row.session_id, input, `paced:${row.id}`, actor);
      this.finish(row, { message });
    } catch (error) {
      if (isAppError(error) && error.code === 'NOT_CONNECTED') {
        this.offline.holdBack(row.session_id, this.clock.now());
        return;
      }
      const tries = (this.attempts.get(row.id) ?? 0) + 1;
      const permanent = isAppError(error) && error.code !== 'INTERNAL';
      if (!permanent && tries < (this.deps.maxAttempts ?? 3)) {
        this.attempts.set(row.id, tries);
        this.offline.holdBack(row.session_id, this.clock.now());
        return;
      }
      this.deps.logger.warn({ err: error, session: row.session_id }, 'a paced group send failed for good');
      const failed = { ...this.preview(row), status: 'error' as const };
      this.finish(row, { pendingId: row.id, paced: failed }, failed, actor);
    }
  }

  /** The row as `message.paced` announced it. */
  private preview(row: PacedRow): Message {
    return pacedPreview({
      id: row.id,
      sessionId: row.session_id,
      jid: row.chat_jid,
      input: JSON.parse(row.input) as SendMessageInput,
      actor: JSON.parse(row.actor) as Actor,
      now: row.created_at,
      sendAt: row.send_at,
    });
  }

  /** Removes the row and gives the caller's key its final answer, in one transaction. */
  private finish(
    row: PacedRow,
    answer: RememberedSend & { paced?: Message },
    failed?: Message,
    actor?: Actor,
  ): void {
    this.attempts.delete(row.id);
    this.deps.events.transaction(() => {
      this.deps.db.$client.prepare('DELETE FROM paced_sends WHERE id = ?').run(row.id);
      if (row.idempotency_key)
        this.deps.idempotency.remember({ scope: `send:${row.session_id}`, key: row.idempotency_key }, answer);
      if (failed) this.deps.events.record('message.paced', row.session_id, failed, actor);
    });
  }
}
