/**
 * The figures of one period from folded chats (docs/API.md "Reports" defines each). Pure: the
 * caller gives the conversations and messages (with who had the chat at the time), the chat's
 * tags, names, the clock and how to measure a duration (wall clock or business hours).
 */
import {
  SENDER_KINDS,
  type ReportOverview,
  type ReportRow,
  type SenderKind,
  type TrendPoint,
} from '../../../../src-shared/contract/reports.js';
import { datesBetween, localClock } from './local-clock.js';
import { median, percentile } from './stats.js';
import type { Assignee, AttributedMessage, Conversation, FoldedChat } from './timeline.js';

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
  chats: readonly FoldedChat[];
  /** Only what was assigned to this person / team at the time. */
  filter: { userId?: string; teamId?: string };
  /** The chat's tag ids now. */
  tagsOf: (session: string, chat: string) => readonly string[];
  /** Display names of people, teams, tags and numbers (id when unknown). */
  nameOf: (kind: 'user' | 'team' | 'tag' | 'number', id: string) => string;
  /** Wall-clock or business-hours milliseconds between two instants of a number. */
  duration: (session: string, from: number, to: number) => number;
}

export type ReportFigures = Omit<ReportOverview, 'period' | 'scope' | 'summary'> & {
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
  const passes = (assignee: Assignee) =>
    (!filter.userId || assignee.userId === filter.userId) &&
    (!filter.teamId || assignee.teamId === filter.teamId);
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
  // The chat's own groups (its tags and number) are found once per chat.
  let chatGroups: Group[] = [];
  const groupsOf = (assignee: Assignee, userId: string | null = assignee.userId) => {
    const out = chatGroups.slice();
    if (userId) out.push(groupOf(groups.user, userId));
    if (assignee.teamId) out.push(groupOf(groups.team, assignee.teamId));
    return out;
  };

  let opened = 0;
  let resolved = 0;
  let unanswered = 0;
  let received = 0;
  const firstResponses: number[] = [];
  const resolutions: number[] = [];
  for (const chat of input.chats) {
    chatGroups = [
      ...input.tagsOf(chat.session, chat.chat).map((tag) => groupOf(groups.tag, tag)),
      groupOf(groups.number, chat.session),
    ];
    for (const conversation of chat.conversations) {
      if (!passes(conversation.assignee)) continue;
      countConversation(conversation);
    }
    for (const message of chat.messages) {
      if (inPeriod(message.at) && passes(message.assignee)) countMessage(message);
    }
  }

  function countConversation(c: Conversation) {
    const targets = groupsOf(c.assignee);
    if (inPeriod(c.openedAt)) {
      opened++;
      const day = trend.get(clock(c.openedAt).date);
      if (day) day.opened++;
      for (const group of targets) group.conversations++;
    }
    if (inPeriod(c.firstIncomingAt)) {
      if (c.firstResponseAt === null) unanswered++;
      else {
        const ms = input.duration(c.session, c.firstIncomingAt, c.firstResponseAt);
        firstResponses.push(ms);
        trend.get(clock(c.firstIncomingAt).date)?.firstResponses.push(ms);
        for (const group of targets) group.firstResponses.push(ms);
      }
    }
    if (inPeriod(c.resolvedAt)) {
      resolved++;
      const ms = input.duration(c.session, c.openedAt, c.resolvedAt);
      resolutions.push(ms);
      const day = trend.get(clock(c.resolvedAt).date);
      if (day) day.resolved++;
      for (const group of targets) {
        group.resolved++;
        group.resolutions.push(ms);
      }
    }
  }

  function countMessage(m: AttributedMessage) {
    const slot = clock(m.at);
    const day = trend.get(slot.date);
    if (m.kind === 'customer') {
      received++;
      if (day) day.received++;
      const row = hours[slot.weekday];
      if (row) row[slot.hour] = (row[slot.hour] ?? 0) + 1;
      for (const group of groupsOf(m.assignee)) group.received++;
      return;
    }
    sent[m.kind]++;
    if (day) day.sent++;
    if (m.kind !== 'person') return;
    // A reply counts for the person who wrote it, and for the chat's team, tags and number.
    for (const group of groupsOf(m.assignee, m.userId)) group.replies++;
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
        (a, b) => b.conversations - a.conversations || b.replies - a.replies || a.name.localeCompare(b.name),
      );

  return {
    summary: {
      conversationsOpened: opened,
      conversationsResolved: resolved,
      messagesReceived: received,
      messagesSent: sent,
      firstResponse: {
        count: firstResponses.length,
        medianMs: median(firstResponses),
        p90Ms: percentile(firstResponses, 90),
      },
      resolution: {
        count: resolutions.length,
        medianMs: median(resolutions),
        p90Ms: percentile(resolutions, 90),
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
