/**
 * The tagged chats' message counts summed by the chat's tag set now (migration 0046), rebuilt per
 * UTC day with the conversation days (conversation-days.ts marks and rebuilds them): per day by
 * number, kind, writer and assignee (a tag filter's totals and every report's per-tag rows; a tag
 * filter's trend and heat map come from day-quarters.ts since migration 0047). Reading them replaces joining
 * every count row of the period with `chat_tags` (docs/PERFORMANCE.md case 10). The period's two
 * edges (quarters of a UTC day only partly inside it) still come from the per-chat counts.
 */
import type { Statement } from 'better-sqlite3';
import type { SenderKind } from '../../../src-shared/contract/reports.js';
import type { Db } from '../../db/connection.js';
import { kindName } from './kind-codes.js';
import { countsOfQuarters } from './message-counts.js';
import { IN_SCOPE } from './report-scope.js';

/** The chat's tags now, in one order, joined by the unit separator (as conversation days key them). */
export const TAG_SET = `(SELECT group_concat(tag_id, char(31)) FROM (SELECT t.tag_id FROM chat_tags t
  WHERE t.session_id = c.session_id AND t.chat_jid = c.chat_jid ORDER BY t.tag_id))`;
/** Row `c`'s tag set holds @tag (every row when @tag is null). */
export const HAS_TAG = `(@tag IS NULL OR instr(char(31) || c.tags || char(31), char(31) || @tag || char(31)) > 0)`;
const TAGGED = `EXISTS (SELECT 1 FROM chat_tags f WHERE f.session_id = c.session_id AND f.chat_jid = c.chat_jid)`;

export interface TaggedDayRow {
  tags: string;
  session: string;
  kind: SenderKind | 'customer';
  userId: string;
  assigneeUserId: string;
  assigneeTeamId: string;
  n: number;
}

export class TaggedCounts {
  private readonly dropDay: Statement<[number]>;
  private readonly fillDay: Statement<[{ day: number; from: number; to: number }]>;
  private readonly daysRead: Statement<
    [
      {
        dayFrom: number;
        dayTo: number;
        sessions: string;
        user: string | null;
        team: string | null;
        tag: string | null;
        people: number;
      },
    ],
    TaggedDayRow
  >;

  constructor(db: Db) {
    const sqlite = db.$client;
    this.dropDay = sqlite.prepare('DELETE FROM report_tagged_day_counts WHERE day = ?');
    this.fillDay = sqlite.prepare(
      `INSERT INTO report_tagged_day_counts (day, tags, session_id, kind, sender_user_id, assignee_user_id,
         assignee_team_id, n)
       SELECT @day, tags, session_id, ${kindName('kind')}, sender_user_id, assignee_user_id, assignee_team_id, sum(n) FROM (
         SELECT ${TAG_SET} AS tags, c.session_id, c.kind, c.sender_user_id, c.assignee_user_id, c.assignee_team_id, c.n
           FROM ${countsOfQuarters('@from', '@to')} WHERE ${TAGGED})
       GROUP BY tags, session_id, kind, sender_user_id, assignee_user_id, assignee_team_id`,
    );
    // `people`: only the customers' messages and people's replies (what the per-tag rows count).
    this.daysRead = sqlite.prepare(
      `SELECT c.tags, c.session_id AS session, c.kind, c.sender_user_id AS userId,
              c.assignee_user_id AS assigneeUserId, c.assignee_team_id AS assigneeTeamId, sum(c.n) AS n
         FROM report_tagged_day_counts c
        WHERE c.day >= @dayFrom AND c.day < @dayTo AND ${IN_SCOPE} AND ${HAS_TAG}
          AND (@people = 0 OR c.kind IN ('customer', 'person'))
        GROUP BY c.tags, c.session_id, c.kind, c.sender_user_id, c.assignee_user_id, c.assignee_team_id`,
    );
  }

  /** Sums one UTC day again from the per-chat counts (in the caller's transaction). */
  rebuildDay(day: number): void {
    const from = day * 96;
    const to = from + 96;
    this.dropDay.run(day);
    this.fillDay.run({ day, from, to });
  }

  /** The tagged sums of whole UTC days [dayFrom, dayTo), through the scope (and @tag). */
  daySums(params: {
    dayFrom: number;
    dayTo: number;
    sessions: string;
    user: string | null;
    team: string | null;
    tag: string | null;
    people: boolean;
  }): TaggedDayRow[] {
    if (params.dayFrom >= params.dayTo) return [];
    return this.daysRead.all({ ...params, people: params.people ? 1 : 0 });
  }
}
