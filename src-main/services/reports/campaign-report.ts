/**
 * Per campaign: sent, delivered, read, replied, opted out, failed (docs/API.md "Reports"). One
 * query per campaign active in the period; the message status and the reply come from the
 * messages' own indexes (identity, chat time), the opt-out from its unique index.
 */
import type { Statement } from 'better-sqlite3';
import type { CampaignReport } from '../../../src-shared/contract/reports.js';
import type { Db } from '../../db/connection.js';

interface CampaignRow {
  id: string;
  session: string;
  name: string;
  status: string;
  startedAt: number | null;
}

interface Counts {
  recipients: number;
  sent: number;
  delivered: number;
  read: number;
  replied: number;
  optedOut: number;
  failed: number;
}

export class CampaignReports {
  private readonly campaigns: Statement<[number, number], CampaignRow>;
  private readonly counts: Statement<[string], Counts>;

  constructor(db: Db) {
    const sqlite = db.$client;
    // Campaigns are few; those that started before the period ended and had not finished before it began.
    this.campaigns = sqlite.prepare(
      `SELECT id, session_id AS session, name, status, started_at AS startedAt FROM campaigns
        WHERE started_at IS NOT NULL AND started_at < ?2 AND coalesce(finished_at, ?2) >= ?1
        ORDER BY started_at DESC`,
    );
    this.counts = sqlite.prepare(
      `SELECT count(*) AS recipients,
              sum(r.status = 'sent') AS sent,
              sum(m.status IN ('delivered', 'read', 'played')) AS delivered,
              sum(m.status IN ('read', 'played')) AS read,
              sum(r.status = 'sent' AND EXISTS (
                SELECT 1 FROM messages reply WHERE reply.session_id = c.session_id AND reply.chat_jid = r.jid
                   AND reply.timestamp > r.sent_at AND reply.from_me = 0)) AS replied,
              sum(r.status = 'opted_out' OR (r.status = 'sent' AND EXISTS (
                SELECT 1 FROM opt_outs o WHERE o.session_id = c.session_id AND o.jid = r.jid
                   AND o.created_at >= r.sent_at))) AS optedOut,
              sum(r.status IN ('failed', 'not_on_whatsapp', 'invalid')) AS failed
         FROM campaign_recipients r JOIN campaigns c ON c.id = r.campaign_id
         LEFT JOIN messages m ON m.session_id = c.session_id AND m.chat_jid = r.jid AND m.id = r.message_id
        WHERE r.campaign_id = ?`,
    );
  }

  report(period: { start: number; end: number }, sessions: ReadonlySet<string>): CampaignReport {
    const items = this.campaigns
      .all(period.start, period.end)
      .filter((campaign) => sessions.has(campaign.session))
      .map((campaign) => {
        const counts = this.counts.get(campaign.id);
        const n = (value: number | null | undefined) => value ?? 0;
        return {
          ...campaign,
          startedAt: campaign.startedAt === null ? null : new Date(campaign.startedAt).toISOString(),
          recipients: n(counts?.recipients),
          sent: n(counts?.sent),
          delivered: n(counts?.delivered),
          read: n(counts?.read),
          replied: n(counts?.replied),
          optedOut: n(counts?.optedOut),
          failed: n(counts?.failed),
        };
      });
    return { items };
  }
}
