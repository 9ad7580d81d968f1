/**
 * The quarter-hour counts summed over chats (migration 0040), kept by the same fold as the
 * counts themselves (message-counts.ts `recount`): `report_day_counts` per UTC day by number,
 * kind, writer and assignee (a period's totals per number, person and team read a few rows a day
 * instead of every chat's quarters), and `report_quarter_totals` per quarter by number, direction
 * and assignee (the trend and heat map). A recount applies only what changed: the chat's old rows
 * from the quarter on are subtracted, its new ones added, and keys that cancel are not written,
 * so a live message changes one or two rows of each. Rows that fall to zero are removed.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/connection.js';

export const QUARTERS_PER_DAY = 96;

/** A chat's count row as message-counts.ts keeps it ('' is "nobody"). */
export interface CountRow {
  quarter: number;
  kind: string;
  userId: string;
  assigneeUserId: string;
  assigneeTeamId: string;
  n: number;
}

export class CountRollups {
  private readonly addDay: Statement<[number, string, string, string, string, string, number]>;
  private readonly dropEmptyDay: Statement<[number, string, string, string, string, string]>;
  private readonly addQuarter: Statement<[number, number, string, string, string, number]>;
  private readonly dropEmptyQuarter: Statement<[number, number, string, string, string]>;

  constructor(db: Db) {
    const sqlite = db.$client;
    this.addDay = sqlite.prepare(
      `INSERT INTO report_day_counts (day, session_id, kind, sender_user_id, assignee_user_id, assignee_team_id, n)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    );
    this.dropEmptyDay = sqlite.prepare(
      `DELETE FROM report_day_counts WHERE day = ? AND session_id = ? AND kind = ? AND sender_user_id = ?
         AND assignee_user_id = ? AND assignee_team_id = ? AND n = 0`,
    );
    this.addQuarter = sqlite.prepare(
      `INSERT INTO report_quarter_totals (quarter, incoming, session_id, assignee_user_id, assignee_team_id, n)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    );
    this.dropEmptyQuarter = sqlite.prepare(
      `DELETE FROM report_quarter_totals WHERE quarter = ? AND incoming = ? AND session_id = ?
         AND assignee_user_id = ? AND assignee_team_id = ? AND n = 0`,
    );
  }

  /**
   * Moves the sums of one chat of `session` from its `before` rows to its `after` rows; returns
   * the UTC days whose counts changed (the tagged sums of those days are rebuilt, migration 0046).
   */
  apply(session: string, before: readonly CountRow[], after: readonly CountRow[]): Set<number> {
    const changed = new Set<number>();
    const days = new Map<string, [number, string, string, string, string, number]>();
    const quarters = new Map<string, [number, number, string, string, number]>();
    const add = (row: CountRow, sign: 1 | -1) => {
      const day: [number, string, string, string, string, number] = [
        Math.floor(row.quarter / QUARTERS_PER_DAY),
        row.kind,
        row.userId,
        row.assigneeUserId,
        row.assigneeTeamId,
        0,
      ];
      const dayKey = day.join('\u0000');
      (days.get(dayKey) ?? (days.set(dayKey, day), day))[5] += sign * row.n;
      const quarter: [number, number, string, string, number] = [
        row.quarter,
        row.kind === 'customer' ? 1 : 0,
        row.assigneeUserId,
        row.assigneeTeamId,
        0,
      ];
      const quarterKey = quarter.join('\u0000');
      (quarters.get(quarterKey) ?? (quarters.set(quarterKey, quarter), quarter))[4] += sign * row.n;
    };
    for (const row of before) add(row, -1);
    for (const row of after) add(row, 1);
    for (const [day, kind, userId, assigneeUser, assigneeTeam, n] of days.values()) {
      if (n === 0) continue;
      changed.add(day);
      this.addDay.run(day, session, kind, userId, assigneeUser, assigneeTeam, n);
      if (n < 0) this.dropEmptyDay.run(day, session, kind, userId, assigneeUser, assigneeTeam);
    }
    for (const [quarter, incoming, assigneeUser, assigneeTeam, n] of quarters.values()) {
      if (n === 0) continue;
      changed.add(Math.floor(quarter / QUARTERS_PER_DAY));
      this.addQuarter.run(quarter, incoming, session, assigneeUser, assigneeTeam, n);
      if (n < 0) this.dropEmptyQuarter.run(quarter, incoming, session, assigneeUser, assigneeTeam);
    }
    return changed;
  }
}
