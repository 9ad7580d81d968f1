/**
 * Reports (issue #24): reads a period's kept conversations and summed quarter-hour message
 * counts (conversation-table.ts, message-counts.ts) — or, as the reference, folds every message
 * around the period afresh (report-queries.ts, metrics/timeline.ts) — and computes the figures
 * (metrics/report.ts) in the business's time zone. docs/API.md "Reports" defines every metric.
 */
import type { LiveBoard, ReportOverview, ReportQuery } from '../../../src-shared/contract/reports.js';
import { AppError } from '../../../src-shared/errors.js';
import { addDays, zonedInstant } from '../../../src-shared/zoned-time.js';
import type { Db } from '../../db/connection.js';
import { AutomationStore } from '../automation/automation-store.js';
import { ChatHolders } from './chat-holders.js';
import { WalkStarts } from './walk-starts.js';
import { ChatFacts } from './chat-facts.js';
import { chatTimelines, type ScanReaders } from './chat-timelines.js';
import type { ConversationTable } from './conversation-table.js';
import { businessDuration, type BusinessHours } from './metrics/business-hours.js';
import { totalsOfChats, type MessageTotals, type ReportFilter } from './metrics/message-totals.js';
import { computeReport, type ReportPeriod } from './metrics/report.js';
import {
  groupConversations,
  type ConversationDay,
  type ConversationGroup,
} from './metrics/conversation-groups.js';
import { foldChat } from './metrics/timeline.js';
import { ReportQueries } from './report-queries.js';

const DAY = 86_400_000;
const QUARTER_MS = 900_000;

/** What `computeReport` reads: conversations one by one or per kept day, and the message sums. */
interface Facts {
  conversations: ConversationGroup[];
  days?: ConversationDay[];
  messages: MessageTotals;
}
/**
 * How far before the period a conversation may have begun, and after it a reply or resolution is
 * still seen: a chat quiet for longer starts afresh (docs/API.md).
 */
export const LOOK_AROUND_MS = 30 * DAY;
/** Marked chats a report folds itself before reading (beyond, the background fold has not caught up). */
const FOLD_AT_REPORT_LIMIT = 2_000;
/**
 * Marked days a report rebuilds itself before reading the kept days (a live message marks one);
 * beyond (the migration's backfill, a tag put on a chat with years of history, business hours
 * changed), the period's conversations are read one by one until the background has caught up.
 */
const DAYS_AT_REPORT_LIMIT = 60;

/** Who is asking: every number (null) or some, and everything or only one person's conversations. */
export interface ReportAudience {
  sessions: ReadonlySet<string> | null;
  ownUserId: string | null;
}

export class ReportService {
  readonly queries: ReportQueries;
  /**
   * What the last overview read: the kept days, the kept conversations one by one (while many
   * days wait to be rebuilt), or the scan. The randomised tests check that the fast path ran.
   */
  lastRead: 'days' | 'conversations' | 'scan' = 'scan';
  private readonly automation: AutomationStore;
  /** What the reference scan reads besides its window's rows. */
  private readonly scan: ScanReaders;

  constructor(
    db: Db,
    private readonly table: ConversationTable,
    private readonly now: () => number = Date.now,
  ) {
    this.queries = new ReportQueries(db);
    this.automation = new AutomationStore(db);
    this.scan = {
      queries: this.queries,
      holders: new ChatHolders(db),
      starts: new WalkStarts(db),
      facts: new ChatFacts(db),
    };
  }

  /** The numbers a report covers: the filter's, within what the caller may read. */
  sessionsFor(session: string | undefined, audience: ReportAudience): string[] {
    const all = this.queries.sessions().map((row) => row.id);
    if (session !== undefined && !all.includes(session)) {
      throw new AppError('NOT_FOUND', `session "${session}" does not exist`, 'session');
    }
    return all.filter(
      (id) => (session === undefined || id === session) && (!audience.sessions || audience.sessions.has(id)),
    );
  }

  /** The business's zone: the chosen number's automation time zone (the first number's without a filter). */
  timeZoneOf(sessions: readonly string[], asked: string | undefined): string {
    if (asked) return asked;
    const first = sessions[0];
    return first ? this.automation.settings(first).settings.timeZone : 'UTC';
  }

  period(from: string, to: string, timeZone: string): ReportPeriod {
    const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
    const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
    const after = addDays(ty, tm, td, 1);
    return {
      from,
      to,
      timeZone,
      start: zonedInstant(timeZone, fy, fm, fd),
      end: zonedInstant(timeZone, after.year, after.month, after.day),
    };
  }

  /**
   * The figures of a period. `source`: the kept days (what the API uses; the kept conversations
   * one by one while many days wait to be rebuilt), `conversations`: those one by one (how reports
   * read before migration 0046; the bench times both), or `scan`, the reference: every message of the period and 30 days around it folded afresh (the
   * randomised test compares the two; docs/PERFORMANCE.md case 10 times both).
   */
  overview(
    query: ReportQuery,
    audience: ReportAudience,
    source: 'table' | 'conversations' | 'scan' = 'table',
  ): ReportOverview {
    const sessions = this.sessionsFor(query.session, audience);
    const period = this.period(query.from, query.to, this.timeZoneOf(sessions, query.timeZone));
    const now = this.now();
    const filter: ReportFilter = {
      ...(audience.ownUserId ? { userId: audience.ownUserId } : query.user ? { userId: query.user } : {}),
      ...(query.team ? { teamId: query.team } : {}),
    };
    // Right after the migration's backfill or a large history sync, folding what is marked would
    // hold the server for many seconds: until the background fold has caught up, the report is
    // computed the old way (the same figures, seconds rather than milliseconds) and says so.
    const preparing = this.table.backlogOver(FOLD_AT_REPORT_LIMIT)
      ? { chatsLeft: this.table.backlog() }
      : null;
    const facts =
      source !== 'scan' && !preparing
        ? this.fromTable(sessions, period, filter, query.tag ?? null, source === 'table')
        : null;
    const { conversations, messages, days } =
      facts ?? this.byScan(sessions, period, now, filter, query.tag ?? null);
    this.lastRead = !facts ? 'scan' : days ? 'days' : 'conversations';
    const names = {
      user: this.queries.names('user'),
      team: this.queries.names('team'),
      tag: this.queries.names('tag'),
    };
    const numbers = new Map(this.queries.sessions().map((row) => [row.id, row.name]));
    const hours = new Map<string, BusinessHours>();
    const figures = computeReport({
      period,
      conversations,
      ...(days ? { days: { rows: days, businessHours: query.businessHours } } : {}),
      messages,
      filter,
      nameOf: (kind, id) => (kind === 'number' ? numbers.get(id) : names[kind].get(id)) ?? id,
      duration: (session, a, b) => {
        if (!query.businessHours) return b - a;
        let found = hours.get(session);
        if (!found) hours.set(session, (found = this.automation.settings(session).settings));
        return businessDuration(found, a, b);
      },
    });
    const waiting = this.waiting(sessions, filter);
    return {
      period: {
        from: period.from,
        to: period.to,
        timeZone: period.timeZone,
        start: new Date(period.start).toISOString(),
        end: new Date(period.end).toISOString(),
        businessHours: query.businessHours,
      },
      scope: audience.ownUserId ? 'own' : 'all',
      preparing,
      ...figures,
      summary: { ...figures.summary, ...waiting },
    };
  }

  /** Who is available and what they hold now, and what waits per team (read when asked; the UI asks again on events). */
  live(session: string | undefined, audience: ReportAudience): LiveBoard {
    const sessions = new Set(this.sessionsFor(session, audience));
    const people = new Map<string, { open: number; waiting: number }>();
    const teams = new Map<string, { open: number; waiting: number }>();
    const unassigned = { open: 0, waiting: 0 };
    for (const row of this.queries.open()) {
      if (!sessions.has(row.session)) continue;
      const add = (map: Map<string, { open: number; waiting: number }>, id: string) => {
        const entry = map.get(id) ?? { open: 0, waiting: 0 };
        entry.open += row.open;
        entry.waiting += row.waiting;
        map.set(id, entry);
      };
      if (row.userId) add(people, row.userId);
      if (row.teamId) add(teams, row.teamId);
      if (!row.userId && !row.teamId) {
        unassigned.open += row.open;
        unassigned.waiting += row.waiting;
      }
    }
    const teamNames = this.queries.names('team');
    return {
      people: this.queries.staff().map((person) => ({
        id: person.id,
        name: person.name,
        available: person.available === 1,
        openChats: people.get(person.id)?.open ?? 0,
        waiting: people.get(person.id)?.waiting ?? 0,
      })),
      teams: [...teamNames.entries()]
        .map(([id, name]) => ({ id, name, ...(teams.get(id) ?? { open: 0, waiting: 0 }) }))
        .sort((a, b) => b.waiting - a.waiting || a.name.localeCompare(b.name)),
      unassigned,
      at: new Date(this.now()).toISOString(),
    };
  }

  private waiting(sessions: readonly string[], filter: { userId?: string; teamId?: string }) {
    const wanted = new Set(sessions);
    let waitingNow = 0;
    let oldest: number | null = null;
    for (const row of this.queries.waiting()) {
      if (!wanted.has(row.session)) continue;
      if (filter.userId && row.userId !== filter.userId) continue;
      if (filter.teamId && row.teamId !== filter.teamId) continue;
      waitingNow += row.waiting;
      if (oldest === null || row.oldest < oldest) oldest = row.oldest;
    }
    return { waitingNow, oldestWaitingSince: oldest === null ? null : new Date(oldest).toISOString() };
  }

  /**
   * The kept conversations of the period and its summed message counts (folding what changed
   * first): per UTC day when few days wait to be rebuilt (migration 0046), else one by one.
   */
  private fromTable(
    sessions: readonly string[],
    period: ReportPeriod,
    filter: ReportFilter,
    tag: string | null,
    perDay: boolean,
  ): Facts {
    this.table.settle();
    const { days } = this.table;
    days.checkHours();
    const wholeQuarters = period.start % QUARTER_MS === 0 && period.end % QUARTER_MS === 0;
    if (perDay && wholeQuarters && !days.backlogOver(DAYS_AT_REPORT_LIMIT)) {
      days.rebuild();
      return {
        conversations: [],
        days: days.days(period, sessions, filter, tag),
        messages: this.table.counts.totals(period, sessions, filter, tag, days),
      };
    }
    return {
      conversations: this.table.periods.groups(period, sessions, filter, tag),
      messages: this.table.counts.totals(period, sessions, filter, tag),
    };
  }

  /** The reference: every message of the period and 30 days around it folded afresh. */
  private byScan(
    sessions: readonly string[],
    period: ReportPeriod,
    now: number,
    filter: ReportFilter,
    tag: string | null,
  ): Facts {
    // Every tagging, and the tag's chats: read here only (the kept path joins them in SQL).
    const tagged = tag ? this.taggedChats(tag) : null;
    const keep = (session: string, chat: string) => !tagged || tagged.has(`${session}\u0000${chat}`);
    const tags = this.queries.tags();
    const tagsOf = (session: string, chat: string) => tags.get(`${session}\u0000${chat}`) ?? [];
    const window = {
      from: period.start - LOOK_AROUND_MS,
      to: Math.min(now, period.end + LOOK_AROUND_MS) + 1,
      periodStart: period.start,
    };
    const chats = chatTimelines(this.scan, sessions, window, keep).map(foldChat);
    return {
      conversations: groupConversations(
        chats.flatMap((chat) => chat.conversations),
        tagsOf,
      ),
      messages: totalsOfChats(chats, period, filter, tagsOf),
    };
  }

  private taggedChats(tagId: string): Set<string> {
    return new Set(this.queries.chatsTagged(tagId).map((row) => `${row.session}\u0000${row.chat}`));
  }
}
