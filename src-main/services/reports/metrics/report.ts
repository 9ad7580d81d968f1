/**
 * The figures of one period from its conversations and its message totals (docs/API.md
 * "Reports" defines each). Pure: the caller gives the conversations, the messages already
 * counted by quarter hour, group and tag (metrics/message-totals.ts; only the period's and only
 * what the filter lets through), the chat's tags, names, the clock and how to measure a
 * duration (wall clock or business hours). Summing counts instead of walking messages is what
 * keeps a report over a million messages fast (docs/PERFORMANCE.md case 10).
 */
import {
  SENDER_KINDS,
  type ReportOverview,
  type ReportRow,
  type SenderKind,
  type TrendPoint,
} from '../../../../src-shared/contract/reports.js';
import {
  DAY_EVENT_FIELDS,
  TIMES_PER_CONVERSATION,
  type ConversationDay,
  type ConversationGroup,
} from './conversation-groups.js';
import { datesBetween, localClock, localDayOfQuarter, offsetSegments } from './local-clock.js';
import { passesFilter, type LocalTotals, type MessageTotals, type ReportFilter } from './message-totals.js';
import { median, percentiles } from './stats.js';
import type { Assignee } from './timeline.js';

const DAY_MS = 86_400_000;

export interface ReportPeriod {
  from: string;
  to: string;
  timeZone: string;
  /** Instants of local midnight starting `from` and after `to`. */
  start: number;
  end: number;
}

export interface ReportInput {
  period: ReportPeriod;
  /**
   * The conversations that may count (opened, first written to or resolved in the period),
   * grouped by number, assignee and the chat's tags (metrics/conversation-groups.ts).
   */
  conversations: readonly ConversationGroup[];
  /**
   * Or the same conversations as kept per UTC day (metrics/conversation-groups.ts
   * `ConversationDay`), with their durations measured already: `businessHours` picks which.
   * Only when the period's bounds are whole quarter hours (every zone's midnight today).
   */
  days?: { rows: readonly ConversationDay[]; businessHours: boolean };
  messages: MessageTotals;
  /** Only what was assigned to this person / team at the time (the totals are filtered already). */
  filter: ReportFilter;
  /** Display names of people, teams, tags and numbers (id when unknown). */
  nameOf: (kind: 'user' | 'team' | 'tag' | 'number', id: string) => string;
  /** Wall-clock or business-hours milliseconds between two instants of a number. */
  duration: (session: string, from: number, to: number) => number;
}

export type ReportFigures = Omit<ReportOverview, 'period' | 'scope' | 'preparing' | 'summary'> & {
  summary: Omit<ReportOverview['summary'], 'waitingNow' | 'oldestWaitingSince'>;
};

interface Group {
  conversations: number;
  resolved: number;
  received: number;
  replies: number;
  firstResponses: number[];
  resolutions: number[];
}

const newGroup = (): Group => ({
  conversations: 0,
  resolved: 0,
  received: 0,
  replies: 0,
  firstResponses: [],
  resolutions: [],
});

export function computeReport(input: ReportInput): ReportFigures {
  const { period, filter } = input;
  const inPeriod = (at: number | null): at is number => at !== null && at >= period.start && at < period.end;
  const clock = localClock(period.timeZone);
  const dates = datesBetween(period.from, period.to);
  const trend = new Map<string, TrendPoint & { firstResponses: number[] }>(
    dates.map((date) => [
      date,
      { date, opened: 0, resolved: 0, received: 0, sent: 0, firstResponseMedianMs: null, firstResponses: [] },
    ]),
  );
  const sent = Object.fromEntries(SENDER_KINDS.map((kind) => [kind, 0])) as Record<SenderKind, number>;
  const hours = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  const groups = {
    user: new Map<string, Group>(),
    team: new Map<string, Group>(),
    tag: new Map<string, Group>(),
    number: new Map<string, Group>(),
  };
  const groupOf = (map: Map<string, Group>, id: string) => {
    let group = map.get(id);
    if (!group) map.set(id, (group = newGroup()));
    return group;
  };
  // A conversation counts for its chat's tags and number, and for who had it.
  const groupsOf = (c: Pick<ConversationGroup, 'tags' | 'session' | 'assignee'>) => {
    const out = c.tags.map((tag) => groupOf(groups.tag, tag));
    out.push(groupOf(groups.number, c.session));
    if (c.assignee.userId) out.push(groupOf(groups.user, c.assignee.userId));
    if (c.assignee.teamId) out.push(groupOf(groups.team, c.assignee.teamId));
    return out;
  };

  let opened = 0;
  let resolved = 0;
  let unanswered = 0;
  let received = 0;
  const firstResponses: number[] = [];
  const resolutions: number[] = [];
  for (const group of input.conversations) {
    if (passesFilter(filter, group.assignee)) countConversations(group);
  }
  if (input.days) countDays(input.days.rows, input.days.businessHours);
  countMessages(input.messages);

  /**
   * The kept days: each event's quarter puts it in or out of the period and in its local day
   * (the zone's offset runs, no Intl per event); its durations are read, not measured.
   */
  function countDays(rows: readonly ConversationDay[], businessHours: boolean) {
    const QUARTER = 900_000;
    const [startQ, endQ] = [period.start / QUARTER, period.end / QUARTER];
    const segments = offsetSegments(period.timeZone, startQ, endQ);
    if (!segments || !Number.isInteger(startQ) || !Number.isInteger(endQ)) {
      throw new Error('kept conversation days need a period of whole quarter hours');
    }
    const days = [...trend.values()];
    const firstDay = localDayOfQuarter(segments, startQ);
    // The segment of the last event asked about: events come a UTC day at a time, so the next
    // one is nearly always in it (a year has three segments).
    let segment = segments[0]!;
    const pointOf = (quarter: number) => {
      if (quarter < segment[0] || quarter >= segment[1])
        segment = segments.find(([from, to]) => quarter >= from && quarter < to) ?? segment;
      return days[Math.floor((quarter + segment[2]) / 96) - firstDay];
    };
    const durationAt = businessHours ? 2 : 1;
    for (const row of rows) {
      if (!passesFilter(filter, row.assignee)) continue;
      const targets = groupsOf(row);
      const base = row.day * 96;
      for (const q of row.opened) {
        const quarter = base + q;
        if (quarter < startQ || quarter >= endQ) continue;
        opened++;
        const day = pointOf(quarter);
        if (day) day.opened++;
        for (const group of targets) group.conversations++;
      }
      const { incoming, resolved: resolutionsOfDay } = row;
      for (let i = 0; i < incoming.length; i += DAY_EVENT_FIELDS) {
        const quarter = base + (incoming[i] as number);
        if (quarter < startQ || quarter >= endQ) continue;
        const ms = incoming[i + durationAt] as number;
        if (Number.isNaN(ms)) {
          unanswered++;
          continue;
        }
        firstResponses.push(ms);
        pointOf(quarter)?.firstResponses.push(ms);
        for (const group of targets) group.firstResponses.push(ms);
      }
      for (let i = 0; i < resolutionsOfDay.length; i += DAY_EVENT_FIELDS) {
        const quarter = base + (resolutionsOfDay[i] as number);
        if (quarter < startQ || quarter >= endQ) continue;
        const ms = resolutionsOfDay[i + durationAt] as number;
        resolved++;
        resolutions.push(ms);
        const day = pointOf(quarter);
        if (day) day.resolved++;
        for (const group of targets) {
          group.resolved++;
          group.resolutions.push(ms);
        }
      }
    }
  }

  function countConversations(c: ConversationGroup) {
    const targets = groupsOf(c);
    const { times } = c;
    for (let i = 0; i < times.length; i += TIMES_PER_CONVERSATION) {
      const openedAt = times[i] as number;
      const firstIncomingAt = times[i + 1] ?? null;
      const firstResponseAt = times[i + 2] ?? null;
      const resolvedAt = times[i + 3] ?? null;
      if (inPeriod(openedAt)) {
        opened++;
        const day = trend.get(clock(openedAt).date);
        if (day) day.opened++;
        for (const group of targets) group.conversations++;
      }
      if (inPeriod(firstIncomingAt)) {
        if (firstResponseAt === null) unanswered++;
        else {
          const ms = input.duration(c.session, firstIncomingAt, firstResponseAt);
          firstResponses.push(ms);
          trend.get(clock(firstIncomingAt).date)?.firstResponses.push(ms);
          for (const group of targets) group.firstResponses.push(ms);
        }
      }
      if (inPeriod(resolvedAt)) {
        resolved++;
        const ms = input.duration(c.session, openedAt, resolvedAt);
        resolutions.push(ms);
        const day = trend.get(clock(resolvedAt).date);
        if (day) day.resolved++;
        for (const group of targets) {
          group.resolved++;
          group.resolutions.push(ms);
        }
      }
    }
  }

  function countMessages(totals: MessageTotals) {
    if (totals.local) countLocal(totals.local);
    for (const q of totals.byQuarter) {
      const slot = clock(q.at);
      const day = trend.get(slot.date);
      if (!q.incoming) {
        if (day) day.sent += q.n;
        continue;
      }
      if (day) day.received += q.n;
      const row = hours[slot.weekday];
      if (row) row[slot.hour] = (row[slot.hour] ?? 0) + q.n;
    }
    for (const g of totals.byGroup) {
      if (g.kind === 'customer') {
        received += g.n;
        for (const group of ownersOf(g.assignee, g.assignee.userId, g.session)) group.received += g.n;
        continue;
      }
      sent[g.kind] += g.n;
      // A reply counts for the person who wrote it, and for the chat's team, tags and number.
      if (g.kind !== 'person') continue;
      for (const group of ownersOf(g.assignee, g.userId, g.session)) group.replies += g.n;
    }
    for (const t of totals.byTag) {
      const group = groupOf(groups.tag, t.tag);
      if (t.kind === 'customer') group.received += t.n;
      else if (t.kind === 'person') group.replies += t.n;
    }
  }

  /**
   * The trend and heat map from sums per local hour and day: local day D (days since 1970-01-01
   * on the zone's calendar) is the trend's point D − (the day of `period.from`), and its weekday
   * (D + 3) mod 7 with Monday 0 (1970-01-01 was a Thursday) — what `clock` gives for an instant in it.
   */
  function countLocal(local: LocalTotals) {
    const points = [...trend.values()];
    const firstDay = Date.parse(`${period.from}T00:00:00Z`) / DAY_MS;
    for (let i = 0; i < local.received.length; i++) {
      const n = local.received[i]!;
      if (n === 0) continue;
      const localHour = local.hourBase + i;
      const localDay = Math.floor(localHour / 24);
      const point = points[localDay - firstDay];
      if (point) point.received += n;
      const row = hours[(((localDay + 3) % 7) + 7) % 7];
      const hour = localHour - localDay * 24;
      if (row) row[hour] = (row[hour] ?? 0) + n;
    }
    for (let i = 0; i < local.sent.length; i++) {
      const n = local.sent[i]!;
      const point = points[local.dayBase + i - firstDay];
      if (n !== 0 && point) point.sent += n;
    }
  }

  /** The number, person and team a message counts for (its tags come as their own totals). */
  function ownersOf(assignee: Assignee, userId: string | null, session: string): Group[] {
    const out = [groupOf(groups.number, session)];
    if (userId) out.push(groupOf(groups.user, userId));
    if (assignee.teamId) out.push(groupOf(groups.team, assignee.teamId));
    return out;
  }

  // A group with nothing in the period (a tag of a chat that was only quiet) is no row.
  const active = (g: Group) =>
    g.conversations + g.resolved + g.received + g.replies + g.firstResponses.length > 0;
  const rows = (kind: keyof typeof groups): ReportRow[] =>
    [...groups[kind].entries()]
      .filter(([, g]) => active(g))
      .map(([id, g]) => ({
        id,
        name: input.nameOf(kind, id),
        conversations: g.conversations,
        resolved: g.resolved,
        received: g.received,
        replies: g.replies,
        firstResponseMedianMs: median(g.firstResponses),
        resolutionMedianMs: median(g.resolutions),
      }))
      .sort(
        (a, b) =>
          b.conversations - a.conversations ||
          b.replies - a.replies ||
          a.name.localeCompare(b.name) ||
          a.id.localeCompare(b.id),
      );

  const [firstResponseMedian, firstResponseP90] = percentiles(firstResponses, [50, 90]);
  const [resolutionMedian, resolutionP90] = percentiles(resolutions, [50, 90]);
  return {
    summary: {
      conversationsOpened: opened,
      conversationsResolved: resolved,
      messagesReceived: received,
      messagesSent: sent,
      firstResponse: {
        count: firstResponses.length,
        medianMs: firstResponseMedian ?? null,
        p90Ms: firstResponseP90 ?? null,
      },
      resolution: {
        count: resolutions.length,
        medianMs: resolutionMedian ?? null,
        p90Ms: resolutionP90 ?? null,
      },
      unanswered,
    },
    trend: [...trend.values()].map(({ firstResponses: values, ...point }) => ({
      ...point,
      firstResponseMedianMs: median(values),
    })),
    busiestHours: hours,
    people: rows('user'),
    teams: rows('team'),
    tags: rows('tag'),
    numbers: rows('number'),
  };
}
