/**
 * Case 10: a report (issue #24) over the 1M-message history: `ReportService.overview` for every
 * number, for the last 30 days (the page's longest preset) and for the last year (the longest
 * period allowed), with and without business hours. Raw side: reading the same index ranges
 * (customer and our messages of the window, per number) on plain better-sqlite3, which is what
 * any report of these figures has to read; the rest is the fold and the arithmetic.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import type { BenchContext } from '../context.js';
import { sample, stats } from '../measure.js';
import { ms, timeRatio, type Row } from '../report.js';

const DAY = 86_400_000;

export async function reportsCase(ctx: BenchContext): Promise<Row[]> {
  const { core, history } = ctx;
  const reports = core.services.reports.service;
  const raw = new Database(path.join(ctx.dataDir, 'chatdock.db'), { readonly: true });
  const incoming = raw.prepare(
    `SELECT timestamp, chat_jid FROM messages WHERE session_id = ? AND from_me = 0 AND type <> 'waiting'
       AND timestamp >= ? AND timestamp < ? ORDER BY timestamp`,
  );
  const ours = raw.prepare(
    `SELECT timestamp, chat_jid, sent_by FROM messages WHERE session_id = ? AND from_me = 1
       AND timestamp >= ? AND timestamp < ? ORDER BY timestamp`,
  );
  const iterations = ctx.quick ? 5 : 20;
  const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);
  // The history ends a day before the run; the report's window reaches 30 days either side.
  const to = isoDay(history.spec.endAt);
  const rows: Row[] = [];
  for (const [label, days, businessHours] of [
    ['30 days', 30, false],
    ['30 days, business hours', 30, true],
    ['a year', 366, false],
  ] as const) {
    const from = isoDay(history.spec.endAt - (days - 1) * DAY);
    const start = Date.parse(`${from}T00:00:00Z`) - 30 * DAY;
    const end = Date.parse(`${to}T00:00:00Z`) + 31 * DAY;
    const base = stats(
      await sample(iterations, () => {
        for (const session of ctx.sessionIds) {
          incoming.all(session, start, end);
          ours.all(session, start, end);
        }
      }),
    );
    let messages = 0;
    const app = stats(
      await sample(iterations, () => {
        const report = reports.overview(
          { from, to, timeZone: 'Europe/Lisbon', businessHours },
          { sessions: null, ownUserId: null },
        );
        messages =
          report.summary.messagesReceived +
          Object.values(report.summary.messagesSent).reduce((a, b) => a + b, 0);
      }),
    );
    rows.push({
      case: '10 report over 1M messages',
      what: `${label} (${messages.toLocaleString('en')} msgs)`,
      median: ms(app.median),
      p95: ms(app.p95),
      raw: `${ms(base.median)} / ${ms(base.p95)}`,
      ratio: timeRatio(app.p95, base.p95) + ' p95',
      target: days === 30 ? 'p95 < 300 ms' : 'reported',
      met: days === 30 ? app.p95 < 300 : null,
    });
  }
  raw.close();
  return rows;
}
