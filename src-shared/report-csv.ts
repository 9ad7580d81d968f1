/**
 * Each report table as CSV (RFC 4180, CRLF, a BOM so spreadsheets read UTF-8; formula-looking
 * cells defused), line by line: the REST export streams it, the Reports page downloads the same
 * lines. Durations are whole seconds. No dependencies (it runs in the browser too).
 */
import type { CampaignReport, ReportOverview, ReportTable } from './contract/reports.js';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A CSV cell: quoted when needed; a leading =, +, - or @ in text is defused for spreadsheets. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));

function* lines(
  header: readonly string[],
  rows: Iterable<readonly (string | number | null)[]>,
): Generator<string> {
  yield `\uFEFF${header.map(csvCell).join(',')}\r\n`;
  for (const row of rows) yield `${row.map(csvCell).join(',')}\r\n`;
}

export function reportCsv(
  table: ReportTable,
  overview: () => ReportOverview,
  campaigns: () => CampaignReport,
): Generator<string> {
  switch (table) {
    case 'people':
    case 'teams':
    case 'tags':
    case 'numbers': {
      const rows = overview()[table];
      return lines(
        [
          'id',
          'name',
          'conversations',
          'resolved',
          'received',
          'replies',
          'first_response_median_s',
          'resolution_median_s',
        ],
        rows.map((r) => [
          r.id,
          r.name,
          r.conversations,
          r.resolved,
          r.received,
          r.replies,
          seconds(r.firstResponseMedianMs),
          seconds(r.resolutionMedianMs),
        ]),
      );
    }
    case 'trend':
      return lines(
        ['date', 'opened', 'resolved', 'received', 'sent', 'first_response_median_s'],
        overview().trend.map((p) => [
          p.date,
          p.opened,
          p.resolved,
          p.received,
          p.sent,
          seconds(p.firstResponseMedianMs),
        ]),
      );
    case 'hours':
      return lines(
        ['weekday', ...Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'))],
        overview().busiestHours.map((row, day) => [WEEKDAYS[day] ?? String(day), ...row]),
      );
    case 'campaigns':
      return lines(
        [
          'id',
          'number',
          'name',
          'status',
          'started_at',
          'recipients',
          'sent',
          'delivered',
          'read',
          'replied',
          'opted_out',
          'failed',
        ],
        campaigns().items.map((c) => [
          c.id,
          c.session,
          c.name,
          c.status,
          c.startedAt,
          c.recipients,
          c.sent,
          c.delivered,
          c.read,
          c.replied,
          c.optedOut,
          c.failed,
        ]),
      );
  }
}
