import { and, asc, eq, inArray } from 'drizzle-orm';
import type { WorkingHours } from '../../../src-shared/contract/schedule.js';
import { isAppError } from '../../../src-shared/errors.js';
import type { EventBus } from '../../core/event-bus.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import { campaignRecipients, campaigns } from '../../db/schema.js';
import type { EventRecorder } from '../events/event-recorder.js';
import {
  buildMessage,
  readyRow,
  sentBetween,
  toCampaign,
  type CampaignRow,
  type RecipientRow,
} from './campaign-rows.js';
import type { Clock } from './clock.js';
import { WakeLoop } from './wake-loop.js';
import { OfflineSessions } from './offline-sessions.js';
import type { OptOutService } from './opt-outs.js';
import { PERMANENT_CODES, type Sender } from './sender.js';
import { nextSendTime } from './working-hours.js';
import { SEND_FAILURE, waitingForSessionReason } from '../../../src-shared/send-failure.js';

export interface CampaignRunnerOptions {
  offlineRetryMs?: number;
  /** Picks a delay in [min, max]; Math.random by default. */
  random?: () => number;
}

type Outcome =
  | { status: 'sent'; messageId: string }
  | { status: 'failed' | 'not_on_whatsapp' | 'opted_out'; error: string }
  | { status: 'retry'; error: string };

/**
 * Sends running campaigns one recipient at a time per number. Each recipient is claimed
 * (`pending → sending`) before its send and sent with the idempotency key
 * `campaign:<id>:<recipientId>`; after a crash, rows left in `sending` are retried first with
 * the same key, so nobody gets a campaign message twice. Between sends it waits a random delay;
 * it keeps to working hours and the number's daily cap, and checks the opt-out list right
 * before each send.
 */
export class CampaignRunner {
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly offline: OfflineSessions;
  private readonly loop: WakeLoop;
  private readonly random: () => number;

  constructor(
    private readonly db: Db,
    private readonly events: EventRecorder,
    bus: EventBus,
    private readonly optOuts: OptOutService,
    private readonly send: Sender,
    private readonly clock: () => Clock,
    private readonly logger: Logger,
    options: CampaignRunnerOptions = {},
  ) {
    this.offline = new OfflineSessions(bus, options.offlineRetryMs ?? 30_000);
    this.loop = new WakeLoop(clock, this.offline, () => this.wake());
    this.random = options.random ?? Math.random;
  }

  start(): void {
    const stuck = this.db
      .update(campaignRecipients)
      .set({ status: 'pending' })
      .where(eq(campaignRecipients.status, 'sending'))
      .run().changes;
    if (stuck)
      this.logger.info({ count: stuck }, 'campaign sends interrupted by a stop will be retried first');
    this.loop.start();
  }

  async stop(): Promise<void> {
    this.loop.stop();
    await Promise.all(this.inFlight.values());
  }

  /** Resolves once no send is in flight (sends they start when done included): tests wait on it. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all(this.inFlight.values());
  }

  /** Starts every send that is due now and arms the timer for the next one. */
  wake(): void {
    if (!this.loop.running) return;
    this.loop.disarm();
    const now = this.clock().now();
    let nextWake = Infinity;
    const running = this.db
      .select()
      .from(campaigns)
      .where(eq(campaigns.status, 'running'))
      .orderBy(asc(campaigns.nextSendAt))
      .all()
      .map(readyRow);
    for (const campaign of running) {
      const session = campaign.sessionId;
      if (this.inFlight.has(session)) continue;
      const heldUntil = this.offline.heldUntil(session, now);
      if (heldUntil !== null) {
        nextWake = Math.min(nextWake, heldUntil);
        continue;
      }
      const hours = (campaign.workingHours as WorkingHours | null) ?? null;
      const due = nextSendTime(
        hours,
        campaign.dailyCap,
        Math.max(now, campaign.nextSendAt ?? now),
        (from, until) => sentBetween(this.db, session, from, until),
      );
      if (due > now) {
        if (due !== campaign.nextSendAt) {
          this.db.update(campaigns).set({ nextSendAt: due }).where(eq(campaigns.id, campaign.id)).run();
        }
        nextWake = Math.min(nextWake, due);
        continue;
      }
      const work = this.sendNext(campaign)
        .catch((error: unknown) =>
          this.logger.error({ err: error, campaign: campaign.id }, 'campaign send failed'),
        )
        .finally(() => {
          this.inFlight.delete(session);
          this.wake();
        });
      this.inFlight.set(session, work);
    }
    this.loop.armAt(nextWake, now);
  }

  /** Claims the next recipient of the campaign and sends to it (or finishes the campaign). */
  private async sendNext(campaign: CampaignRow): Promise<void> {
    const claimed = this.events.transaction(() => {
      const current = this.db.select().from(campaigns).where(eq(campaigns.id, campaign.id)).get();
      if (current?.status !== 'running') return null;
      const ready = readyRow(current);
      const next = this.db
        .select()
        .from(campaignRecipients)
        .where(and(eq(campaignRecipients.campaignId, campaign.id), eq(campaignRecipients.status, 'pending')))
        .orderBy(asc(campaignRecipients.position))
        .limit(1)
        .get();
      if (!next) {
        this.complete(ready);
        return null;
      }
      this.db
        .update(campaignRecipients)
        .set({ status: 'sending' })
        .where(eq(campaignRecipients.id, next.id))
        .run();
      return next;
    });
    if (!claimed) return;

    const outcome = await this.attempt(campaign, claimed);
    const now = this.clock().now();
    this.events.transaction(() => {
      if (outcome.status === 'retry') {
        this.db
          .update(campaignRecipients)
          .set({ status: 'pending', error: outcome.error })
          .where(eq(campaignRecipients.id, claimed.id))
          .run();
        return;
      }
      this.db
        .update(campaignRecipients)
        .set(
          outcome.status === 'sent'
            ? { status: 'sent', messageId: outcome.messageId, sentAt: now, error: null }
            : { status: outcome.status, error: outcome.error },
        )
        .where(eq(campaignRecipients.id, claimed.id))
        .run();
      // Skipping an opted-out number sends nothing, so it needs no pause after it.
      const delay =
        outcome.status === 'opted_out'
          ? 0
          : campaign.delayMinMs + Math.round(this.random() * (campaign.delayMaxMs - campaign.delayMinMs));
      this.db
        .update(campaigns)
        .set({ nextSendAt: now + delay })
        .where(eq(campaigns.id, campaign.id))
        .run();
      const updated = readyRow(this.db.select().from(campaigns).where(eq(campaigns.id, campaign.id)).get()!);
      const left = this.db
        .select({ id: campaignRecipients.id })
        .from(campaignRecipients)
        .where(
          and(
            eq(campaignRecipients.campaignId, campaign.id),
            inArray(campaignRecipients.status, ['pending', 'sending']),
          ),
        )
        .limit(1)
        .get();
      if (!left && updated.status === 'running') this.complete(updated);
      else
        this.events.record('campaign.progress', campaign.sessionId, {
          campaign: toCampaign(this.db, updated, now),
        });
    });
  }

  private async attempt(campaign: CampaignRow, recipient: RecipientRow): Promise<Outcome> {
    const jid = recipient.jid;
    if (!jid) return { status: 'failed', error: SEND_FAILURE.noRecipient };
    if (this.optOuts.has(campaign.sessionId, jid))
      return { status: 'opted_out', error: SEND_FAILURE.optedOut };
    const message = buildMessage(campaign, { jid, input: recipient.input, variables: recipient.variables });
    if (!message) return { status: 'failed', error: SEND_FAILURE.emptyMessage };
    try {
      const sent = await this.send(campaign.sessionId, message, `campaign:${campaign.id}:${recipient.id}`, {
        type: 'system',
        id: campaign.id,
        name: `Campaign: ${campaign.name}`,
      });
      return { status: 'sent', messageId: sent.id };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (isAppError(error) && error.code === 'NOT_CONNECTED') {
        this.offline.holdBack(campaign.sessionId, this.clock().now());
        return { status: 'retry', error: waitingForSessionReason(campaign.sessionId) };
      }
      if (isAppError(error) && error.code === 'VALIDATION_FAILED' && /not on WhatsApp/i.test(text)) {
        return { status: 'not_on_whatsapp', error: SEND_FAILURE.notOnWhatsApp };
      }
      if (isAppError(error) && PERMANENT_CODES.has(error.code)) return { status: 'failed', error: text };
      this.logger.warn({ err: error, campaign: campaign.id }, 'campaign send failed');
      return { status: 'failed', error: text };
    }
  }

  private complete(row: CampaignRow): void {
    const now = this.clock().now();
    this.db
      .update(campaigns)
      .set({ status: 'completed', finishedAt: now, nextSendAt: null })
      .where(and(eq(campaigns.id, row.id), eq(campaigns.status, 'running')))
      .run();
    const updated = readyRow(this.db.select().from(campaigns).where(eq(campaigns.id, row.id)).get()!);
    this.events.record('campaign.progress', row.sessionId, { campaign: toCampaign(this.db, updated, now) });
    this.logger.info({ campaign: row.id }, 'campaign completed');
  }
}
