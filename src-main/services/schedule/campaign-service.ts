import type { Actor } from '../../../src-shared/contract/people.js';
import { and, asc, desc, eq, gt, inArray, ne, type SQL } from 'drizzle-orm';
import type {
  Campaign,
  CampaignPreview,
  CampaignRecipient,
  CampaignStatus,
  CreateCampaignInput,
  CsvPreview,
  RecipientsInput,
  RecipientStatus,
} from '../../../src-shared/contract/schedule.js';
import type { Statement } from 'better-sqlite3';
import { AppError } from '../../../src-shared/errors.js';
import { jidKind, phoneOfJid } from '../../../src-shared/jid.js';
import { sortableId } from '../../core/ids.js';
import { Stretches } from '../../core/yielding.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import { campaignRecipients, campaigns } from '../../db/schema.js';
import type { EventRecorder } from '../events/event-recorder.js';
import { idempotencySlot, type IdempotencyKeys } from '../idempotency/idempotency.js';
import type { SessionService } from '../sessions/sessions.js';
import {
  readyRow,
  seedKeyOf,
  toCampaign,
  toRecipient,
  type CampaignRow,
  type PreparingCampaignRow,
} from './campaign-rows.js';
import type { Clock } from './clock.js';
import { guessColumns, readCsvTable } from './csv.js';
import type { OptOutService } from './opt-outs.js';
import { resolveRecipients, type ResolvedRecipient } from './recipients.js';
import { placeholdersOf, render } from './template.js';

interface NumberChecker {
  isConnected(sessionId: string): boolean;
  checkNumbers(
    sessionId: string,
    phones: string[],
  ): Promise<{ input: string; jid: string | null; exists: boolean }[]>;
}

const CHECK_BATCH = 200;
/** Recipients stored per transaction while a campaign is prepared (~1–3 ms each on a quiet PC). */
const RECIPIENT_CHUNK = 250;

interface RecipientOutcome {
  status: RecipientStatus;
  error: string | null;
}
const BUILT_IN_PLACEHOLDERS = ['name', 'phone'];

/** Campaigns: creation with validated recipients, the dry-run preview, pause/resume/cancel. */
export class CampaignService {
  private onChange: () => void = () => {};
  /** Prepared on the first campaign, then reused by every chunk of every campaign. */
  private insertRecipient: Statement | null = null;

  constructor(
    private readonly db: Db,
    private readonly events: EventRecorder,
    private readonly sessions: SessionService,
    private readonly optOuts: OptOutService,
    private readonly numbers: NumberChecker,
    private readonly clock: () => Clock,
    private readonly logger: Logger,
    private readonly idempotency: IdempotencyKeys,
  ) {}

  whenChanged(listener: () => void): void {
    this.onChange = listener;
  }

  csvPreview(csv: string): CsvPreview {
    const table = readCsvTable(csv);
    if (table.headers.length === 0) throw new AppError('VALIDATION_FAILED', 'csv: the file is empty', 'csv');
    const guess = guessColumns(table);
    return {
      headers: table.headers,
      rows: table.records.slice(0, 5),
      total: table.records.length,
      phoneColumn: guess.phone,
      nameColumn: guess.name,
    };
  }

  /** The first messages exactly as they would be sent, and what would be skipped. */
  async preview(input: {
    session?: string;
    template: string;
    recipients: RecipientsInput;
    limit: number;
  }): Promise<CampaignPreview> {
    if (input.session) this.sessions.get(input.session);
    const stretches = new Stretches();
    const resolved = await resolveRecipients(this.db, input.session ?? null, input.recipients, stretches);
    const counts = { total: resolved.length, valid: 0, invalid: 0, duplicates: 0, optedOut: 0 };
    const messages: CampaignPreview['messages'] = [];
    const invalid: CampaignPreview['invalid'] = [];
    const session = input.session;
    const optedOut = await stretches.map(resolved, (recipient) =>
      Boolean(session && recipient.jid && !recipient.problem && this.optOuts.has(session, recipient.jid)),
    );
    for (const [index, recipient] of resolved.entries()) {
      if (recipient.problem?.status === 'skipped') counts.duplicates += 1;
      else if (recipient.problem || !recipient.jid) {
        counts.invalid += 1;
        if (invalid.length < 20)
          invalid.push({ input: recipient.input, error: recipient.problem?.error ?? 'invalid' });
      } else if (optedOut[index]) counts.optedOut += 1;
      else {
        counts.valid += 1;
        if (messages.length < input.limit) {
          messages.push({
            input: recipient.input,
            to: phoneOfJid(recipient.jid) ? `+${phoneOfJid(recipient.jid)}` : recipient.jid,
            text: render(input.template, recipient.variables, seedKeyOf(recipient)),
            variables: recipient.variables,
          });
        }
      }
    }
    return { messages, counts, invalid, placeholders: await this.availablePlaceholders(resolved, stretches) };
  }

  /**
   * With an idempotency key, a retry answers the campaign the first request created and creates
   * no second one; the campaign, its recipients and its key are stored in one transaction.
   */
  async create(input: CreateCampaignInput, idempotencyKey?: string, actor?: Actor): Promise<Campaign> {
    const slot = idempotencySlot(`campaign:${input.session}`, idempotencyKey);
    const earlier = this.idempotency.recall<Campaign>(slot);
    if (earlier) return earlier;
    this.sessions.get(input.session);
    // Parsed, looked up, classified and stored in ~10 ms stretches with the loop yielded between
    // them, one budget for all the phases (issue #23, target 5).
    const stretches = new Stretches();
    const resolved = await resolveRecipients(this.db, input.session, input.recipients, stretches);
    const available = new Set(await this.availablePlaceholders(resolved, stretches));
    const unknown = placeholdersOf(input.template).filter((name) => !available.has(name));
    if (unknown.length) {
      throw new AppError(
        'VALIDATION_FAILED',
        `template: no recipient column for [${unknown[0]}]; available: ${[...available].map((p) => `[${p}]`).join(', ')}`,
        'template',
      );
    }
    const onWhatsApp = await this.checkOnWhatsApp(input.session, resolved);
    await stretches.checkpoint();
    // An opt-out recorded after this point is still honoured: the runner checks it again at send.
    const outcomes = await stretches.map(resolved, (recipient) =>
      this.firstOutcome(input.session, recipient, onWhatsApp),
    );
    const now = this.clock().now();
    const id = sortableId('cmp');
    const status: CampaignStatus = input.start ? 'running' : 'draft';
    const row = {
      id,
      sessionId: input.session,
      name: input.name,
      template: input.template,
      media: input.media ? (input.media.source as Record<string, unknown>) : null,
      mediaType: input.media?.type ?? null,
      // Hidden from every reader until the last transaction below makes it a draft or running.
      status: 'preparing',
      delayMinMs: input.delayMinMs,
      delayMaxMs: input.delayMaxMs,
      dailyCap: input.dailyCap ?? null,
      workingHours: (input.workingHours as Record<string, unknown> | null | undefined) ?? null,
      nextSendAt: now,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
    } satisfies PreparingCampaignRow;
    let campaign: Campaign;
    try {
      this.db.insert(campaigns).values(row).run();
      // The recipients go in in small transactions with the loop yielded between them: one
      // transaction of 5,000 rows held the loop for hundreds of milliseconds (issue #23, target 5).
      await stretches.chunks(resolved, RECIPIENT_CHUNK, (chunk, offset) =>
        this.insertRecipients(id, chunk, outcomes, offset),
      );
      // `once` checks the key again inside the transaction: a retry sent while this request
      // was preparing may have created the campaign meanwhile.
      campaign = this.idempotency.once(slot, () => {
        const ready = { status, startedAt: input.start ? now : null };
        this.db.update(campaigns).set(ready).where(eq(campaigns.id, id)).run();
        const created = toCampaign(this.db, { ...row, ...ready }, now);
        this.events.record('campaign.progress', input.session, { campaign: created }, actor);
        return created;
      });
    } catch (error) {
      this.discardPreparing(id);
      throw error;
    }
    // A concurrent retry may have won: then `campaign` is its campaign, and this one is dropped.
    if (campaign.id !== id) {
      this.discardPreparing(id);
      return campaign;
    }
    this.logger.info(
      { campaign: id, session: input.session, recipients: resolved.length },
      'campaign created',
    );
    this.onChange();
    return campaign;
  }

  /** One chunk of a preparing campaign's recipients, in one transaction. */
  private insertRecipients(
    id: string,
    chunk: readonly ResolvedRecipient[],
    outcomes: readonly RecipientOutcome[],
    offset: number,
  ): void {
    const insert = (this.insertRecipient ??= this.db.$client.prepare(
      `INSERT INTO campaign_recipients (campaign_id, position, input, jid, variables, status, error)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ));
    this.db.$client.transaction(() => {
      chunk.forEach((recipient, index) => {
        const { status, error } = outcomes[offset + index] as RecipientOutcome;
        insert.run(
          id,
          offset + index + 1,
          recipient.input,
          recipient.jid,
          JSON.stringify(recipient.variables),
          status,
          error,
        );
      });
    })();
  }

  /**
   * Drops a campaign that never finished preparing (its recipients go with it): a failed or
   * superseded `create`, or, at start-up, one a crash or power cut left half made.
   */
  private discardPreparing(id?: string): void {
    try {
      const where = id
        ? and(eq(campaigns.id, id), eq(campaigns.status, 'preparing'))
        : eq(campaigns.status, 'preparing');
      this.db.delete(campaigns).where(where).run();
    } catch (error) {
      // The database may be closing (the app going down): the next start drops it.
      this.logger.warn({ err: error, campaign: id }, 'could not drop a campaign left preparing');
    }
  }

  /** At start-up: campaigns a crash left half prepared are dropped (their `create` never answered). */
  dropHalfPrepared(): void {
    this.discardPreparing();
  }

  list(query: { status?: CampaignStatus; session?: string }): Campaign[] {
    const conditions: SQL[] = [ne(campaigns.status, 'preparing')];
    if (query.status) conditions.push(eq(campaigns.status, query.status));
    if (query.session) conditions.push(eq(campaigns.sessionId, query.session));
    const now = this.clock().now();
    return this.db
      .select()
      .from(campaigns)
      .where(and(...conditions))
      .orderBy(desc(campaigns.createdAt))
      .all()
      .map((row) => toCampaign(this.db, readyRow(row), now));
  }

  get(id: string): Campaign {
    return toCampaign(this.db, this.row(id), this.clock().now());
  }

  row(id: string): CampaignRow {
    const row = this.db
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.id, id), ne(campaigns.status, 'preparing')))
      .get();
    if (!row) throw new AppError('NOT_FOUND', `no campaign "${id}"`, 'id');
    return readyRow(row);
  }

  recipients(
    id: string,
    query: { status?: RecipientStatus; limit: number; cursor?: string },
  ): { items: CampaignRecipient[]; next: string | null } {
    this.row(id);
    const conditions: SQL[] = [eq(campaignRecipients.campaignId, id)];
    if (query.status) conditions.push(eq(campaignRecipients.status, query.status));
    if (query.cursor) conditions.push(gt(campaignRecipients.position, Number(query.cursor)));
    const rows = this.db
      .select()
      .from(campaignRecipients)
      .where(and(...conditions))
      .orderBy(asc(campaignRecipients.position))
      .limit(query.limit + 1)
      .all();
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(toRecipient),
      next: rows.length > query.limit ? String(page.at(-1)!.position) : null,
    };
  }

  /** `actor`: who paused, resumed or cancelled it, carried by the `campaign.progress` event. */
  pause(id: string, actor?: Actor): Campaign {
    return this.transition(id, ['running'], 'paused', 'paused', actor);
  }

  resume(id: string, actor?: Actor): Campaign {
    return this.transition(id, ['paused', 'draft'], 'running', 'running', actor);
  }

  cancel(id: string, actor?: Actor): Campaign {
    return this.transition(id, ['running', 'paused', 'draft'], 'cancelled', 'cancelled', actor);
  }

  private transition(
    id: string,
    from: CampaignStatus[],
    to: CampaignStatus,
    already: CampaignStatus,
    actor?: Actor,
  ): Campaign {
    const row = this.row(id);
    if (row.status === already) return this.get(id);
    if (!from.includes(row.status)) {
      throw new AppError(
        'CONFLICT',
        `campaign "${id}" is ${row.status}; it cannot be ${to === 'running' ? 'resumed' : to}`,
      );
    }
    const now = this.clock().now();
    const campaign = this.events.transaction(() => {
      const changes: Partial<CampaignRow> = { status: to };
      if (to === 'running') {
        changes.nextSendAt = now;
        changes.startedAt = row.startedAt ?? now;
      }
      if (to === 'cancelled') changes.finishedAt = now;
      this.db
        .update(campaigns)
        .set(changes)
        .where(and(eq(campaigns.id, id), inArray(campaigns.status, from)))
        .run();
      if (to === 'cancelled') {
        this.db
          .update(campaignRecipients)
          .set({ status: 'skipped', error: 'the campaign was cancelled' })
          .where(and(eq(campaignRecipients.campaignId, id), eq(campaignRecipients.status, 'pending')))
          .run();
      }
      const updated = toCampaign(this.db, this.row(id), now);
      this.events.record('campaign.progress', row.sessionId, { campaign: updated }, actor);
      return updated;
    });
    this.onChange();
    return campaign;
  }

  /** A recipient's status before any send: pending, or why it will not be sent to. */
  private firstOutcome(
    sessionId: string,
    recipient: ResolvedRecipient,
    onWhatsApp: Map<string, boolean>,
  ): RecipientOutcome {
    if (recipient.problem) return recipient.problem;
    if (recipient.jid && onWhatsApp.get(recipient.jid) === false)
      return { status: 'not_on_whatsapp', error: 'this number is not on WhatsApp' };
    if (recipient.jid && this.optOuts.has(sessionId, recipient.jid))
      return { status: 'opted_out', error: 'on the opt-out list' };
    return { status: 'pending', error: null };
  }

  /** `name`, `phone` and every custom column the recipients carry. */
  private async availablePlaceholders(
    resolved: ResolvedRecipient[],
    stretches: Stretches,
  ): Promise<string[]> {
    const names = new Set(BUILT_IN_PLACEHOLDERS);
    await stretches.each(resolved, (recipient) => {
      for (const key of Object.keys(recipient.variables)) names.add(key.trim().toLowerCase());
    });
    return [...names];
  }

  /** Which numbers WhatsApp knows, when the session is connected now (else checked at send). */
  private async checkOnWhatsApp(
    sessionId: string,
    resolved: ResolvedRecipient[],
  ): Promise<Map<string, boolean>> {
    const found = new Map<string, boolean>();
    if (!this.numbers.isConnected(sessionId)) return found;
    const users = resolved.flatMap((r) => (r.jid && jidKind(r.jid) === 'user' ? [r.jid] : []));
    try {
      for (let i = 0; i < users.length; i += CHECK_BATCH) {
        const batch = users.slice(i, i + CHECK_BATCH);
        for (const result of await this.numbers.checkNumbers(sessionId, batch)) {
          if (result.jid) found.set(result.jid, result.exists);
        }
      }
    } catch (error) {
      this.logger.warn(
        { err: error, session: sessionId },
        'could not check numbers now; they are checked at send',
      );
      found.clear();
    }
    return found;
  }
}
