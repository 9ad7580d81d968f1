/**
 * What a report needs of the kept conversations, per UTC day (migration 0046): for each day,
 * number, assignee and the chat's tags now, every conversation event of the day — opened, first
 * customer message (with its first response's duration, or unanswered), resolved (with the
 * resolution's duration) — as its quarter hour of the day and its durations, wall clock and in the
 * number's business hours. A report over a year reads a few thousand of these rows instead of
 * ~100,000 conversations (docs/PERFORMANCE.md case 10); the events keep their quarter hour, so
 * any zone's local days and the period's two edges are exact, and the durations are the values
 * themselves, so medians and 90th percentiles are exact too (no sketch).
 *
 * The rows are not kept by deltas: a day marked in `report_dirty_days` is rebuilt whole from the
 * kept conversations (and the counts: the tagged chats' per day, tagged-counts.ts, and every
 * chat's per quarter, day-quarters.ts). Marks come from the fold (the days of the conversations a
 * refold changed and the days whose counts it changed), from tagging (a trigger: every day of the
 * chat) and from a change of a number's business hours (`checkHours`: every day of the number).
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/connection.js';
import { AutomationStore } from '../automation/automation-store.js';
import { businessDuration, type BusinessHours } from './metrics/business-hours.js';
import type { ConversationDay } from './metrics/conversation-groups.js';
import type { ReportFilter } from './metrics/message-totals.js';
import type { Conversation } from './metrics/timeline.js';
import { hasNoHours } from '../../../src-shared/widget-hours.js';
import { CONVERSATIONS_IN_PERIOD } from './period-conversations.js';
import { IN_SCOPE, scopeParams, type ScopeParams } from './report-scope.js';
import { DayQuarters } from './day-quarters.js';
import { TAG_SET, TaggedCounts } from './tagged-counts.js';

export const DAY_MS = 86_400_000;
const QUARTER_MS = 900_000;
export const dayOf = (at: number) => Math.floor(at / DAY_MS);

interface DayConversation {
  session: string;
  openedAt: number;
  firstIncomingAt: number | null;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  userId: string | null;
  teamId: string | null;
  tags: string | null;
}
interface Row {
  day: number;
  session: string;
  userId: string;
  teamId: string;
  tags: string;
  opened: Buffer;
  incoming: Buffer;
  resolved: Buffer;
}

/** The conversations with an event in [from, to), each once, with the chat's tags now. */
const DAY_CONVERSATIONS = `
  SELECT c.session_id AS session, c.opened_at AS openedAt, c.first_incoming_at AS firstIncomingAt,
         c.first_response_at AS firstResponseAt, c.resolved_at AS resolvedAt,
         c.assignee_user_id AS userId, c.assignee_team_id AS teamId, ${TAG_SET} AS tags
    FROM (${CONVERSATIONS_IN_PERIOD}) c`;

/** The number's hours as far as a duration depends on them (the fingerprint kept per number). */
const hoursKey = (h: BusinessHours) => JSON.stringify([h.timeZone, h.hours, h.closedDates]);

export class ConversationDays {
  /** The tagged chats' counts summed per day, rebuilt with the same marks. */
  readonly tagged: TaggedCounts;
  /** Every chat's counts per quarter of the day (migration 0047), rebuilt with the same marks. */
  readonly quarters: DayQuarters;
  private readonly automation: AutomationStore;
  private readonly markDay: Statement<[number]>;
  private readonly dirty: Statement<[number], { day: number }>;
  private readonly dirtyUpTo: Statement<[number], { n: number }>;
  private readonly forget: Statement<[number]>;
  private readonly conversationsOf: Statement<[{ from: number; to: number }], DayConversation>;
  private readonly drop: Statement<[number]>;
  private readonly insert: Statement<[number, string, string, string, string, Buffer, Buffer, Buffer]>;
  private readonly sessions: Statement<[], { id: string }>;
  private readonly folded: Statement<[], { session: string; hours: string }>;
  private readonly keepHours: Statement<[string, string]>;
  private readonly markSession: Statement<[string]>;
  private readonly read: Statement<[ScopeParams & { dayFrom: number; dayTo: number }], Row>;
  private readonly rebuildSome: (limit: number, deadline: number) => number;
  /** One settings object per number and hours, so businessDuration's per-day cache lives on. */
  private readonly hours = new Map<string, BusinessHours & { key: string; text: string | null }>();
  private readonly storedSettings: Statement<[string], { settings: string }>;

  constructor(db: Db) {
    const sqlite = db.$client;
    this.tagged = new TaggedCounts(db);
    this.quarters = new DayQuarters(db);
    this.automation = new AutomationStore(db);
    this.markDay = sqlite.prepare('INSERT OR IGNORE INTO report_dirty_days (day) VALUES (?)');
    this.dirty = sqlite.prepare('SELECT day FROM report_dirty_days ORDER BY day DESC LIMIT ?');
    this.dirtyUpTo = sqlite.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM report_dirty_days LIMIT ?)');
    this.forget = sqlite.prepare('DELETE FROM report_dirty_days WHERE day = ?');
    this.conversationsOf = sqlite.prepare(DAY_CONVERSATIONS);
    this.drop = sqlite.prepare('DELETE FROM report_conversation_days WHERE day = ?');
    this.insert = sqlite.prepare(
      `INSERT INTO report_conversation_days (day, session_id, assignee_user_id, assignee_team_id, tags, opened,
         incoming, resolved) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.sessions = sqlite.prepare('SELECT id FROM sessions');
    this.storedSettings = sqlite.prepare('SELECT settings FROM automation_settings WHERE session_id = ?');
    this.folded = sqlite.prepare('SELECT session_id AS session, hours FROM report_hours_folded');
    this.keepHours = sqlite.prepare(
      `INSERT INTO report_hours_folded (session_id, hours) VALUES (?, ?)
       ON CONFLICT (session_id) DO UPDATE SET hours = excluded.hours`,
    );
    this.markSession = sqlite.prepare(
      'INSERT OR IGNORE INTO report_dirty_days (day) SELECT DISTINCT day FROM report_conversation_days WHERE session_id = ?',
    );
    this.read = sqlite.prepare(
      `SELECT day, session_id AS session, assignee_user_id AS userId, assignee_team_id AS teamId, tags,
              opened, incoming, resolved
         FROM report_conversation_days c
        WHERE c.day >= @dayFrom AND c.day < @dayTo AND ${IN_SCOPE}
          AND (@tag IS NULL OR instr(char(31) || c.tags || char(31), char(31) || @tag || char(31)) > 0)`,
    );
    this.rebuildSome = sqlite.transaction((limit: number, deadline: number) => {
      this.checkHours();
      let done = 0;
      for (const { day } of this.dirty.all(limit)) {
        // Past the deadline the rest stays marked for the next call (at least one day is rebuilt).
        if (done > 0 && performance.now() >= deadline) break;
        this.rebuildDay(day);
        this.forget.run(day);
        done++;
      }
      return done;
    });
  }

  /** Marks the days of the events of these conversations (the fold calls it with what it replaced and wrote). */
  mark(conversations: readonly Pick<Conversation, 'openedAt' | 'firstIncomingAt' | 'resolvedAt'>[]): void {
    for (const c of conversations) {
      this.markDay.run(dayOf(c.openedAt));
      if (c.firstIncomingAt !== null) this.markDay.run(dayOf(c.firstIncomingAt));
      if (c.resolvedAt !== null) this.markDay.run(dayOf(c.resolvedAt));
    }
  }

  markDays(days: Iterable<number>): void {
    for (const day of days) this.markDay.run(day);
  }

  /**
   * Rebuilds up to `limit` marked days (newest first: what reports read most), stopping early once
   * `performance.now()` passes `deadline`; how many it rebuilt.
   */
  rebuild(limit = Number.MAX_SAFE_INTEGER, deadline = Infinity): number {
    return this.rebuildSome(limit, deadline);
  }

  /** Whether more than `limit` days wait to be rebuilt (a number's hours changing counts as marking its days). */
  backlogOver(limit: number): boolean {
    return (this.dirtyUpTo.get(limit + 1)?.n ?? 0) > limit;
  }

  /** A number whose business hours changed since its rows were measured has all its days marked. */
  checkHours(): void {
    const kept = new Map(this.folded.all().map((row) => [row.session, row.hours]));
    for (const { id } of this.sessions.all()) {
      const hours = this.hoursOf(id);
      if (kept.get(id) === hours.key) continue;
      this.markSession.run(id);
      this.keepHours.run(id, hours.key);
    }
  }

  /** The rows of the UTC days overlapping [start, end), through the numbers, filter and tag. */
  days(
    period: { start: number; end: number },
    sessions: readonly string[],
    filter: ReportFilter,
    tag: string | null,
  ): ConversationDay[] {
    const params = {
      ...scopeParams(0, 0, sessions, filter, tag),
      dayFrom: dayOf(period.start),
      dayTo: dayOf(period.end - 1) + 1,
    };
    // A few dozen keys over a year's thousands of rows: one assignee and tag list each.
    const keys = new Map<string, Pick<ConversationDay, 'assignee' | 'tags'>>();
    return this.read.all(params).map((row) => {
      const id = `${row.userId}\u0000${row.teamId}\u0000${row.tags}`;
      let key = keys.get(id);
      if (!key) {
        key = {
          assignee: { userId: row.userId || null, teamId: row.teamId || null },
          tags: row.tags ? row.tags.split('\u001f') : [],
        };
        keys.set(id, key);
      }
      return {
        day: row.day,
        session: row.session,
        ...key,
        opened: floats(row.opened),
        incoming: floats(row.incoming),
        resolved: floats(row.resolved),
      };
    });
  }

  private hoursOf(session: string): BusinessHours & { key: string } {
    // Parsed again only when the stored settings changed (a parse is ~1 ms at load, each
    // number, each report and tick).
    const text = this.storedSettings.get(session)?.settings ?? null;
    let found = this.hours.get(session);
    if (found && found.text === text) return found;
    const { timeZone, hours, closedDates } = this.automation.settings(session).settings;
    const key = hoursKey({ timeZone, hours, closedDates });
    if (found?.key !== key) found = { timeZone, hours, closedDates, key, text };
    found.text = text;
    this.hours.set(session, found);
    return found;
  }

  private rebuildDay(day: number): void {
    const from = day * DAY_MS;
    const to = from + DAY_MS;
    const quarter = (at: number) => Math.floor((at - from) / QUARTER_MS);
    const inDay = (at: number | null): at is number => at !== null && at >= from && at < to;
    const groups = new Map<
      string,
      { key: string[]; opened: number[]; incoming: number[]; resolved: number[] }
    >();
    const business = new Map<string, (a: number, b: number) => number>();
    const businessOf = (session: string) => {
      let measure = business.get(session);
      if (!measure) {
        const hours = this.hoursOf(session);
        // Around the clock and never closed: the business time is the wall-clock time.
        const wall = hasNoHours(hours.hours) && hours.closedDates.length === 0;
        measure = wall ? (a, b) => Math.max(0, b - a) : (a, b) => businessDuration(hours, a, b);
        business.set(session, measure);
      }
      return measure;
    };
    for (const c of this.conversationsOf.all({ from, to })) {
      const key = [c.session, c.userId ?? '', c.teamId ?? '', c.tags ?? ''];
      const id = key.join('\u0000');
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { key, opened: [], incoming: [], resolved: [] }));
      const measure = businessOf(c.session);
      if (inDay(c.openedAt)) group.opened.push(quarter(c.openedAt));
      if (inDay(c.firstIncomingAt)) {
        const answered = c.firstResponseAt !== null;
        group.incoming.push(
          quarter(c.firstIncomingAt),
          answered ? c.firstResponseAt! - c.firstIncomingAt : NaN,
          answered ? measure(c.firstIncomingAt, c.firstResponseAt!) : NaN,
        );
      }
      if (inDay(c.resolvedAt))
        group.resolved.push(
          quarter(c.resolvedAt),
          c.resolvedAt - c.openedAt,
          measure(c.openedAt, c.resolvedAt),
        );
    }
    this.drop.run(day);
    for (const { key, opened, incoming, resolved } of groups.values()) {
      const [session, userId, teamId, tags] = key as [string, string, string, string];
      this.insert.run(day, session, userId, teamId, tags, bytes(opened), bytes(incoming), bytes(resolved));
    }
    this.tagged.rebuildDay(day);
    this.quarters.rebuildDay(day);
  }
}

const bytes = (values: readonly number[]) => Buffer.from(Float64Array.from(values).buffer);

/** The stored little-endian float64s (a view when SQLite's buffer is 8-byte aligned, else a copy). */
function floats(buffer: Buffer): Float64Array {
  if (buffer.byteOffset % 8 === 0)
    return new Float64Array(buffer.buffer, buffer.byteOffset, buffer.byteLength / 8);
  const out = new Float64Array(buffer.byteLength / 8);
  new Uint8Array(out.buffer).set(buffer);
  return out;
}
