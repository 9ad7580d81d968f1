/**
 * The kept quarter-hour message counts (migration 0032): written by the fold with the
 * conversations (conversation-table.ts `refold` calls `recount`), read by a report as three sums
 * in SQL over one range of the quarter index. A report over a month of a million-message history
 * reads a few thousand summed rows instead of every message of the month
 * (docs/PERFORMANCE.md case 10).
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/connection.js';
import { CountRollups, QUARTERS_PER_DAY, type CountRow } from './count-rollups.js';
import { CUSTOMER_CODE, kindCode, kindName, kindOfCode, PERSON_CODE, type CountKind } from './kind-codes.js';
import { withChat } from './report-chats.js';
import { IN_SCOPE, IN_SCOPE_AND_TAGGED, scopeParams, type ScopeParams } from './report-scope.js';
import type { DayQuarters } from './day-quarters.js';
import { localHourSums } from './metrics/day-quarter-totals.js';
import { offsetSegments, type OffsetSegment } from './metrics/local-clock.js';
import type { MessageTotals, ReportFilter, TagCount } from './metrics/message-totals.js';
import type { AttributedMessage } from './metrics/timeline.js';
import type { TaggedCounts } from './tagged-counts.js';

/** The sums rebuilt per UTC day (migrations 0046, 0047), read when no day waits to be rebuilt. */
export interface KeptDays {
  tagged: TaggedCounts;
  quarters: DayQuarters;
}

/** Every zone's offset is a multiple of 15 minutes, so local midnights and hours are whole quarters. */
export const QUARTER_MS = 15 * 60_000;
export const quarterOf = (at: number) => Math.floor(at / QUARTER_MS);

interface Row {
  kind: CountKind;
  userId: string;
  assigneeUserId: string;
  assigneeTeamId: string;
  n: number;
}
/** The whole UTC days inside the period [dayFrom, dayTo), and the quarters left at its two edges. */
interface RollupParams extends Omit<ScopeParams, 'tag'> {
  dayFrom: number;
  dayTo: number;
  edgeFrom: number;
  edgeTo: number;
}

const SCOPE = IN_SCOPE;
/**
 * The per-chat counts of quarters [from, to) over their quarter index, each with its chat's
 * number and JID, as `c` (the scope and tag conditions read `c.session_id`, `c.chat_jid`).
 */
export const countsOfQuarters = (from: string, to: string) =>
  `(SELECT k.session_id, k.chat_jid, x.quarter, x.kind, x.sender_user_id, x.assignee_user_id, x.assignee_team_id, x.n
      FROM ${withChat('report_message_counts x INDEXED BY report_message_counts_quarter_idx')}
     WHERE x.quarter >= ${from} AND x.quarter < ${to}) c`;
const COUNTS = countsOfQuarters('@from', '@to');
/** Who of row `c`; `kind`: its kind's name (the per-chat counts keep a code, the sums the name). */
const whoOf = (
  kind: string,
) => `${kind} AS kind, c.sender_user_id AS userId, c.assignee_user_id AS assigneeUserId,
  c.assignee_team_id AS assigneeTeamId`;
const WHO = whoOf(kindName('c.kind'));
const GROUP_COLUMNS = `c.session_id AS session, ${WHO}, c.n`;

export class MessageCounts {
  private readonly drop: Statement<[number, number, number]>;
  private readonly insert: Statement<[number, number, number, string, string, string, number]>;
  /** Grouped in the index's own order (quarter, kind): no sort. */
  private readonly byQuarter: Statement<[ScopeParams], { quarter: number; incoming: number; n: number }>;
  private readonly byGroup: Statement<[ScopeParams], Row & { session: string }>;
  private readonly byTag: Statement<[ScopeParams], Row & { tag: string }>;
  private readonly anyTagging: Statement<[], { found: number }>;
  private readonly chatRows: Statement<[number, number, number], Omit<CountRow, 'kind'> & { kind: number }>;
  private readonly rollups: CountRollups;
  private readonly quarterTotals: Statement<[RollupParams], { quarter: number; incoming: number; n: number }>;
  private readonly groupTotals: Statement<[RollupParams], Row & { session: string }>;

  constructor(db: Db) {
    const sqlite = db.$client;
    this.rollups = new CountRollups(db);
    this.chatRows = sqlite.prepare(
      `SELECT quarter, kind, sender_user_id AS userId, assignee_user_id AS assigneeUserId,
              assignee_team_id AS assigneeTeamId, n
         FROM report_message_counts WHERE chat = ? AND quarter >= ? AND quarter < ?`,
    );
    // Without a tag filter a report reads the sums over chats (count-rollups.ts): the trend and
    // heat map per quarter, the totals per whole UTC day plus the chats' quarters at the edges.
    this.quarterTotals = sqlite.prepare(
      `SELECT c.quarter, c.incoming, sum(c.n) AS n FROM report_quarter_totals c
        WHERE c.quarter >= @from AND c.quarter < @to AND ${SCOPE} GROUP BY c.quarter, c.incoming`,
    );
    this.groupTotals = sqlite.prepare(
      `SELECT session, kind, userId, assigneeUserId, assigneeTeamId, sum(n) AS n FROM (
         SELECT c.session_id AS session, ${whoOf('c.kind')}, c.n FROM report_day_counts c WHERE c.day >= @dayFrom AND c.day < @dayTo AND ${SCOPE}
         UNION ALL
         SELECT ${GROUP_COLUMNS} FROM ${countsOfQuarters('@from', '@edgeFrom')} WHERE ${SCOPE}
         UNION ALL
         SELECT ${GROUP_COLUMNS} FROM ${countsOfQuarters('@edgeTo', '@to')} WHERE ${SCOPE})
       GROUP BY session, kind, userId, assigneeUserId, assigneeTeamId`,
    );
    this.drop = sqlite.prepare(
      'DELETE FROM report_message_counts WHERE chat = ? AND quarter >= ? AND quarter < ?',
    );
    this.insert = sqlite.prepare(
      `INSERT INTO report_message_counts (chat, quarter, kind, sender_user_id, assignee_user_id, assignee_team_id, n)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byQuarter = sqlite.prepare(
      `SELECT c.quarter, c.kind = ${CUSTOMER_CODE} AS incoming, sum(c.n) AS n
         FROM ${COUNTS} WHERE ${IN_SCOPE_AND_TAGGED} GROUP BY c.quarter, c.kind`,
    );
    this.byGroup = sqlite.prepare(
      `SELECT c.session_id AS session, ${WHO}, sum(c.n) AS n
         FROM ${COUNTS} WHERE ${IN_SCOPE_AND_TAGGED}
        GROUP BY c.session_id, c.kind, c.sender_user_id, c.assignee_user_id, c.assignee_team_id`,
    );
    // Tags are the chat's tags now: each count row of a tagged chat meets its tags by key.
    this.byTag = sqlite.prepare(
      `SELECT t.tag_id AS tag, ${WHO}, sum(c.n) AS n
         FROM ${COUNTS} JOIN chat_tags t ON t.session_id = c.session_id AND t.chat_jid = c.chat_jid
        WHERE ${IN_SCOPE_AND_TAGGED} AND c.kind IN (${CUSTOMER_CODE}, ${PERSON_CODE})
        GROUP BY t.tag_id, c.kind, c.sender_user_id, c.assignee_user_id, c.assignee_team_id`,
    );
    this.anyTagging = sqlite.prepare('SELECT EXISTS (SELECT 1 FROM chat_tags) AS found');
  }

  /**
   * Replaces a chat's counts of the quarters [fromQuarter, toQuarter) with those of `messages`
   * (the fold's, each with who had the chat then; others are skipped). `chat` is its key
   * (report-chats.ts). Runs in the fold's transaction.
   */
  recount(
    session: string,
    chat: number,
    fromQuarter: number,
    toQuarter: number,
    messages: readonly AttributedMessage[],
  ): Set<number> {
    const before = this.chatRows
      .all(chat, fromQuarter, toQuarter)
      .map((row) => ({ ...row, kind: kindOfCode(row.kind) }));
    this.drop.run(chat, fromQuarter, toQuarter);
    const counts = new Map<string, [number, CountKind, string, string, string, number]>();
    for (const m of messages) {
      const quarter = quarterOf(m.at);
      if (quarter < fromQuarter || quarter >= toQuarter) continue;
      const row: [number, CountKind, string, string, string, number] = [
        quarter,
        m.kind,
        m.userId ?? '',
        m.assignee.userId ?? '',
        m.assignee.teamId ?? '',
        0,
      ];
      const key = row.join('\u0000');
      const found = counts.get(key) ?? row;
      found[5] += 1;
      counts.set(key, found);
    }
    const after: CountRow[] = [];
    for (const [quarter, kind, userId, assigneeUserId, assigneeTeamId, n] of counts.values()) {
      this.insert.run(chat, quarter, kindCode(kind), userId, assigneeUserId, assigneeTeamId, n);
      after.push({ quarter, kind, userId, assigneeUserId, assigneeTeamId, n });
    }
    return this.rollups.apply(session, before, after);
  }

  /**
   * The period's counts in the numbers asked for, through the filter (a tag: its chats only).
   * `kept`: the sums of migrations 0046 and 0047 are current (no day marked), so the trend, heat
   * map, a tag filter and the per-tag rows read sums; otherwise the per-chat counts are joined
   * with the chats' tags (the way before them, the same figures).
   */
  totals(
    period: { start: number; end: number; timeZone?: string },
    sessions: readonly string[],
    filter: ReportFilter,
    tag: string | null,
    kept: KeptDays | null = null,
  ): MessageTotals {
    const params = scopeParams(quarterOf(period.start), quarterOf(period.end), sessions, filter, tag);
    const segments = kept && period.timeZone ? offsetSegments(period.timeZone, params.from, params.to) : null;
    if (kept && segments) return this.summed(params, segments, kept);
    const rollup = tag === null ? rollupParams(params) : null;
    return {
      byQuarter: (rollup ? this.quarterTotals.all(rollup) : this.byQuarter.all(params)).map((row) => ({
        at: row.quarter * QUARTER_MS,
        incoming: row.incoming === 1,
        n: row.n,
      })),
      byGroup: (rollup ? this.groupTotals.all(rollup) : this.byGroup.all(params)).map((row) => ({
        session: row.session,
        ...who(row),
      })),
      byTag: this.anyTagging.get()?.found
        ? this.byTag.all(params).map((row) => ({ tag: row.tag, ...who(row) }))
        : [],
    };
  }

  /**
   * The same from sums only: the trend and heat map from the days' quarter counts (per local hour
   * and day in JavaScript), the totals per day (tagged or not) and the edges' per-chat counts.
   */
  private summed(
    params: ScopeParams,
    segments: readonly OffsetSegment[],
    { tagged, quarters }: KeptDays,
  ): MessageTotals {
    const rollup = rollupParams(params);
    const local = localHourSums(
      quarters.rows({
        ...params,
        dayFrom: Math.floor(params.from / QUARTERS_PER_DAY),
        dayTo: Math.floor((params.to - 1) / QUARTERS_PER_DAY) + 1,
      }),
      segments,
      params.from,
      params.to,
    );
    // The quarters of the period's first and last UTC days that are only partly inside it.
    const edges = [
      { ...params, to: rollup.edgeFrom },
      { ...params, from: rollup.edgeTo },
    ].filter((edge) => edge.from < edge.to);
    const days = { ...params, dayFrom: rollup.dayFrom, dayTo: rollup.dayTo };
    let byGroup;
    if (params.tag === null)
      byGroup = this.groupTotals.all(rollup).map((row) => ({ session: row.session, ...who(row) }));
    else {
      byGroup = tagged
        .daySums({ ...days, people: false })
        .map((row) => ({ session: row.session, ...who(row) }));
      for (const edge of edges)
        for (const row of this.byGroup.all(edge)) byGroup.push({ session: row.session, ...who(row) });
    }
    const byTag: TagCount[] = [];
    if (this.anyTagging.get()?.found) {
      for (const row of tagged.daySums({ ...days, people: true })) {
        const count = who(row);
        for (const tag of row.tags.split('\u001f')) byTag.push({ tag, ...count });
      }
      for (const edge of edges)
        for (const row of this.byTag.all(edge)) byTag.push({ tag: row.tag, ...who(row) });
    }
    return { byQuarter: [], local, byGroup, byTag };
  }
}

const who = (row: Row) => ({
  kind: row.kind,
  userId: row.userId || null,
  assignee: { userId: row.assigneeUserId || null, teamId: row.assigneeTeamId || null },
  n: row.n,
});

/** The period's whole UTC days, and its quarters before the first and after the last of them. */
function rollupParams({ from, to, sessions, user, team }: ScopeParams): RollupParams {
  const params = { from, to, sessions, user, team };
  const dayFrom = Math.ceil(params.from / QUARTERS_PER_DAY);
  const dayTo = Math.floor(params.to / QUARTERS_PER_DAY);
  if (dayFrom >= dayTo) return { ...params, dayFrom: 0, dayTo: 0, edgeFrom: params.to, edgeTo: params.to };
  return {
    ...params,
    dayFrom,
    dayTo,
    edgeFrom: dayFrom * QUARTERS_PER_DAY,
    edgeTo: dayTo * QUARTERS_PER_DAY,
  };
}
