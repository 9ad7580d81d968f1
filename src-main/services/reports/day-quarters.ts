/**
 * The message counts per quarter hour of each UTC day, by number, assignee and the chat's tags
 * now (migration 0047): one row a day and key, its 96 + 96 quarter counts (customers' messages,
 * then ours) as one blob. A report's trend and heat map over a year read a few thousand of these
 * instead of ~200,000 rows of `report_quarter_totals` grouped by local hour in SQL
 * (docs/PERFORMANCE.md case 10); the quarters keep every zone's local days and hours exact
 * (metrics/day-quarter-totals.ts). Rebuilt whole with the day's other kept rows
 * (conversation-days.ts), from the per-chat counts; the fold marks every day whose counts changed.
 * The blob keeps only the non-zero quarters (quarter-counts-codec.ts).
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/connection.js';
import type { DayQuarterRow } from './metrics/day-quarter-totals.js';
import { CUSTOMER_CODE } from './kind-codes.js';
import { countsOfQuarters } from './message-counts.js';
import { IN_SCOPE, type ScopeParams } from './report-scope.js';
import { HAS_TAG, TAG_SET } from './tagged-counts.js';
import { decodeQuarterCounts, encodeQuarterCounts, QUARTER_COUNTS } from './quarter-counts-codec.js';

export const QUARTERS_PER_DAY = 96;

interface FillRow {
  session: string;
  userId: string;
  teamId: string;
  tags: string;
  quarter: number;
  incoming: number;
  n: number;
}

export class DayQuarters {
  private readonly drop: Statement<[number]>;
  private readonly counts: Statement<[{ from: number; to: number }], FillRow>;
  private readonly insert: Statement<[number, string, string, string, string, Buffer]>;
  private readonly read: Statement<
    [Omit<ScopeParams, 'from' | 'to'> & { dayFrom: number; dayTo: number }],
    { day: number; counts: Buffer }
  >;

  constructor(db: Db) {
    const sqlite = db.$client;
    this.drop = sqlite.prepare('DELETE FROM report_day_quarters WHERE day = ?');
    this.counts = sqlite.prepare(
      `SELECT session_id AS session, assignee_user_id AS userId, assignee_team_id AS teamId, tags, quarter,
              incoming, sum(n) AS n FROM (
         SELECT c.session_id, c.assignee_user_id, c.assignee_team_id, coalesce(${TAG_SET}, '') AS tags,
                c.quarter, c.kind = ${CUSTOMER_CODE} AS incoming, c.n
           FROM ${countsOfQuarters('@from', '@to')})
        GROUP BY 1, 2, 3, 4, 5, 6`,
    );
    this.insert = sqlite.prepare(
      `INSERT INTO report_day_quarters (day, session_id, assignee_user_id, assignee_team_id, tags, counts)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.read = sqlite.prepare(
      `SELECT c.day, c.counts FROM report_day_quarters c
        WHERE c.day >= @dayFrom AND c.day < @dayTo AND ${IN_SCOPE} AND ${HAS_TAG}`,
    );
  }

  /** Sums one UTC day again from the per-chat counts (in the caller's transaction). */
  rebuildDay(day: number): void {
    const from = day * QUARTERS_PER_DAY;
    const rows = new Map<string, { key: [string, string, string, string]; counts: Int32Array }>();
    for (const row of this.counts.all({ from, to: from + QUARTERS_PER_DAY })) {
      const id = `${row.session}\u0000${row.userId}\u0000${row.teamId}\u0000${row.tags}`;
      let found = rows.get(id);
      if (!found) {
        found = {
          key: [row.session, row.userId, row.teamId, row.tags],
          counts: new Int32Array(QUARTER_COUNTS),
        };
        rows.set(id, found);
      }
      found.counts[(row.incoming ? 0 : QUARTERS_PER_DAY) + row.quarter - from] = row.n;
    }
    this.drop.run(day);
    for (const { key, counts } of rows.values()) {
      this.insert.run(day, ...key, encodeQuarterCounts(counts));
    }
  }

  /** The rows of the UTC days [dayFrom, dayTo) through the numbers, filter and tag. */
  rows(params: Omit<ScopeParams, 'from' | 'to'> & { dayFrom: number; dayTo: number }): DayQuarterRow[] {
    return this.read.all(params).map((row) => ({ day: row.day, counts: decodeQuarterCounts(row.counts) }));
  }
}
