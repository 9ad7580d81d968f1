import type {
  Campaign,
  CampaignCounts,
  CampaignStatus,
  CampaignRecipient,
  WorkingHours,
} from '../../../src-shared/contract/schedule.js';
import type { SendMessageInput } from '../../../src-shared/send-schemas.js';
import type { Db } from '../../db/connection.js';
import type { campaignRecipients, campaigns } from '../../db/schema.js';
import { render } from './template.js';
import { dayBounds, estimateFinish } from './working-hours.js';

/** A stored campaign as readers see it: never one still `preparing` (those are filtered out). */
export type CampaignRow = Omit<typeof campaigns.$inferSelect, 'status'> & { status: CampaignStatus };
/** What `create` stores first, before its recipients are in. */
export type PreparingCampaignRow = typeof campaigns.$inferInsert & { status: 'preparing' };

/** A row read with `status <> 'preparing'` in its WHERE (the type cannot know that). */
export function readyRow(row: typeof campaigns.$inferSelect): CampaignRow {
  if (row.status === 'preparing') throw new Error(`campaign ${row.id} is still being prepared`);
  return { ...row, status: row.status };
}
export type RecipientRow = typeof campaignRecipients.$inferSelect;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function emptyCounts(): CampaignCounts {
  return {
    total: 0,
    pending: 0,
    sending: 0,
    sent: 0,
    failed: 0,
    invalid: 0,
    notOnWhatsApp: 0,
    optedOut: 0,
    skipped: 0,
  };
}

const COUNT_FIELD: Record<RecipientRow['status'], keyof CampaignCounts> = {
  pending: 'pending',
  sending: 'sending',
  sent: 'sent',
  failed: 'failed',
  invalid: 'invalid',
  not_on_whatsapp: 'notOnWhatsApp',
  opted_out: 'optedOut',
  skipped: 'skipped',
};

function countsOf(db: Db, campaignId: string): CampaignCounts {
  const rows = db.$client
    .prepare(`SELECT status, count(*) AS n FROM campaign_recipients WHERE campaign_id = ? GROUP BY status`)
    .all(campaignId) as { status: RecipientRow['status']; n: number }[];
  const counts = emptyCounts();
  for (const { status, n } of rows) {
    counts[COUNT_FIELD[status]] += n;
    counts.total += n;
  }
  return counts;
}

/** Campaign messages this session sent between two instants (for the daily cap). */
export function sentBetween(db: Db, sessionId: string, from: number, until: number): number {
  const row = db.$client
    .prepare(
      `SELECT count(*) AS n FROM campaign_recipients r JOIN campaigns c ON c.id = r.campaign_id
        WHERE c.session_id = ? AND r.sent_at >= ? AND r.sent_at < ? AND r.status = 'sent'`,
    )
    .get(sessionId, from, until) as { n: number };
  return row.n;
}

export function toCampaign(db: Db, row: CampaignRow, now: number): Campaign {
  const counts = countsOf(db, row.id);
  const hours = (row.workingHours as WorkingHours | null) ?? null;
  const remaining = counts.pending + counts.sending;
  let eta: string | null = null;
  if (remaining > 0 && (row.status === 'running' || row.status === 'paused')) {
    const start = Math.max(now, row.nextSendAt ?? now);
    const day = dayBounds(start, hours?.timeZone ?? 'UTC');
    eta = new Date(
      estimateFinish({
        start,
        remaining,
        averageDelayMs: (row.delayMinMs + row.delayMaxMs) / 2,
        hours,
        dailyCap: row.dailyCap,
        sentToday: row.dailyCap ? sentBetween(db, row.sessionId, day.start, day.end) : 0,
      }),
    ).toISOString();
  }
  return {
    id: row.id,
    session: row.sessionId,
    name: row.name,
    template: row.template,
    media:
      row.media && row.mediaType ? ({ type: row.mediaType, source: row.media } as Campaign['media']) : null,
    status: row.status,
    delayMinMs: row.delayMinMs,
    delayMaxMs: row.delayMaxMs,
    dailyCap: row.dailyCap,
    workingHours: hours,
    counts,
    nextSendAt: row.status === 'running' ? iso(row.nextSendAt) : null,
    eta,
    createdAt: new Date(row.createdAt).toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}

export function toRecipient(row: RecipientRow): CampaignRecipient {
  return {
    id: row.id,
    position: row.position,
    input: row.input,
    jid: row.jid,
    variables: row.variables ?? {},
    status: row.status,
    error: row.error,
    messageId: row.messageId,
    sentAt: iso(row.sentAt),
  };
}

/** The seed key that makes a recipient's spintax choice stable between preview and send. */
export function seedKeyOf(recipient: { jid: string | null; input: string }): string {
  return recipient.jid ?? recipient.input;
}

/** Exactly what one recipient is sent: the rendered text, as text or as the media's caption. */
export function buildMessage(
  campaign: Pick<CampaignRow, 'template' | 'media' | 'mediaType'>,
  recipient: { jid: string; input: string; variables: Record<string, string> | null },
): SendMessageInput | null {
  const text = render(campaign.template, recipient.variables ?? {}, seedKeyOf(recipient));
  if (campaign.media && campaign.mediaType) {
    return {
      type: campaign.mediaType as 'image',
      to: recipient.jid,
      media: campaign.media as SendMessageInput extends { media: infer M } ? M : never,
      ...(text ? { caption: text } : {}),
    } as SendMessageInput;
  }
  if (!text) return null;
  return { type: 'text', to: recipient.jid, text };
}
