import { describe, expect, it } from 'vitest';
import { zonedInstant } from '../../../../src-shared/zoned-time.js';
import { businessDuration, type BusinessHours } from './business-hours.js';
import { totalsOfChats } from './message-totals.js';
import { groupConversations } from './conversation-groups.js';
import { computeReport, type ReportInput } from './report.js';
import { foldChat, type ChatTimeline, type MessageFact, type StatusFact } from './timeline.js';

const ZONE = 'Europe/Lisbon';
const MIN = 60_000;
const HOUR = 60 * MIN;
/** Local wall time in Lisbon (WEST = UTC+1 until 25 Oct 2026 02:00, then WET = UTC). */
const at = (date: string, time: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return zonedInstant(ZONE, y, m, d, h, mi);
};
const customer = (when: number): MessageFact => ({ at: when, kind: 'customer', userId: null });
const dana = (when: number): MessageFact => ({ at: when, kind: 'person', userId: 'usr_dana' });
const bot = (when: number): MessageFact => ({ at: when, kind: 'automation', userId: null });
const campaign = (when: number): MessageFact => ({ at: when, kind: 'campaign', userId: null });
const status = (when: number, value: StatusFact['status']): StatusFact => ({ at: when, status: value });

const WEEKDAYS_9_TO_18: BusinessHours = {
  timeZone: ZONE,
  closedDates: [],
  hours: Object.fromEntries(
    ['MO', 'TU', 'WE', 'TH', 'FR'].map((day) => [
      day,
      [{ availableFrom: '09:00:00', availableUntil: '18:00:00' }],
    ]),
  ),
};
/** Saturday night to Sunday 04:00: a range past midnight, over the night the clocks go back. */
const SATURDAY_NIGHT: BusinessHours = {
  timeZone: ZONE,
  closedDates: [],
  hours: { SA: [{ availableFrom: '22:00:00', availableUntil: '04:00:00' }] },
};

function timeline(
  chat: string,
  messages: MessageFact[],
  statuses: StatusFact[] = [],
  userId: string | null = 'usr_dana',
): ChatTimeline {
  return {
    session: 'shop',
    chat,
    messages,
    statuses,
    assignees: [],
    initialAssignee: { userId, teamId: userId ? 'team_support' : null },
  };
}

function report(
  chats: ChatTimeline[],
  from: string,
  to: string,
  hours: BusinessHours | null,
  extra: Partial<ReportInput> = {},
) {
  const period = {
    from,
    to,
    timeZone: ZONE,
    start: at(from, '00:00'),
    end: at(to, '00:00') + 24 * HOUR + (to === '2026-10-25' ? HOUR : 0),
  };
  const folded = chats.map(foldChat);
  const tagsOf = (_session: string, chat: string) => (chat === 'a@s.whatsapp.net' ? ['tag_vip'] : []);
  const filter = extra.filter ?? {};
  return computeReport({
    period,
    conversations: groupConversations(
      folded.flatMap((chat) => chat.conversations),
      tagsOf,
    ),
    messages: totalsOfChats(folded, period, filter, tagsOf),
    filter,
    nameOf: (kind, id) =>
      ({ usr_dana: 'Dana', team_support: 'Support', tag_vip: 'VIP', shop: 'Shop' })[id] ?? `${kind}:${id}`,
    duration: (_session, a, b) => (hours ? businessDuration(hours, a, b) : b - a),
    ...extra,
  });
}

describe('business hours', () => {
  it('counts only open time, from Tuesday 17:50 to Wednesday 09:10 twenty minutes', () => {
    expect(businessDuration(WEEKDAYS_9_TO_18, at('2026-11-10', '17:50'), at('2026-11-11', '09:10'))).toBe(
      20 * MIN,
    );
    // A weekend in between: Friday 17:00 → Monday 10:00 is 2 business hours.
    expect(businessDuration(WEEKDAYS_9_TO_18, at('2026-11-13', '17:00'), at('2026-11-16', '10:00'))).toBe(
      2 * HOUR,
    );
  });

  it('follows the clock on the night it goes back: Saturday 23:00 → Sunday 03:00 is five real hours', () => {
    const from = at('2026-10-24', '23:00');
    const to = at('2026-10-25', '03:00');
    expect(to - from).toBe(5 * HOUR);
    expect(businessDuration(SATURDAY_NIGHT, from, to)).toBe(5 * HOUR);
    // After 04:00 local it is closed: nothing more counts until next Saturday 22:00.
    expect(businessDuration(SATURDAY_NIGHT, from, at('2026-10-25', '12:00'))).toBe(6 * HOUR);
  });

  it('and on the night it goes forward the range is an hour shorter', () => {
    expect(businessDuration(SATURDAY_NIGHT, at('2026-03-28', '22:00'), at('2026-03-29', '04:00'))).toBe(
      5 * HOUR,
    );
  });

  it('closes a closed date all day, and counts everything when no hours are set', () => {
    const holiday = { ...WEEKDAYS_9_TO_18, closedDates: ['2026-11-11'] };
    expect(businessDuration(holiday, at('2026-11-10', '17:50'), at('2026-11-12', '09:10'))).toBe(20 * MIN);
    const always = { timeZone: ZONE, closedDates: [], hours: {} };
    expect(businessDuration(always, at('2026-11-10', '17:50'), at('2026-11-11', '09:10'))).toBe(
      15 * HOUR + 20 * MIN,
    );
  });
});

describe('conversations and their figures', () => {
  // Reopened twice: by a customer message, then by Dana without a message.
  const reopened = timeline(
    'a@s.whatsapp.net',
    [
      customer(at('2026-11-10', '10:00')),
      dana(at('2026-11-10', '10:05')),
      customer(at('2026-11-10', '15:00')),
      bot(at('2026-11-10', '15:01')),
      customer(at('2026-11-11', '09:00')),
      dana(at('2026-11-11', '09:30')),
    ],
    [
      status(at('2026-11-10', '11:00'), 'resolved'),
      status(at('2026-11-10', '15:00'), 'open'),
      status(at('2026-11-10', '16:00'), 'resolved'),
      status(at('2026-11-11', '08:00'), 'open'),
      status(at('2026-11-11', '10:00'), 'resolved'),
    ],
  );
  // Across midnight, in and out of business hours.
  const lateNight = timeline(
    'b@s.whatsapp.net',
    [
      customer(at('2026-11-10', '17:50')),
      campaign(at('2026-11-10', '18:00')),
      dana(at('2026-11-11', '09:10')),
    ],
    [],
  );
  // Nobody answered yet.
  const unanswered = timeline('c@s.whatsapp.net', [customer(at('2026-11-11', '12:00'))], [], null);

  it('folds a chat reopened twice into three conversations', () => {
    const { conversations } = foldChat(reopened);
    expect(
      conversations.map((c) => [c.openedAt, c.firstIncomingAt, c.firstResponseAt, c.resolvedAt]),
    ).toEqual([
      [
        at('2026-11-10', '10:00'),
        at('2026-11-10', '10:00'),
        at('2026-11-10', '10:05'),
        at('2026-11-10', '11:00'),
      ],
      [
        at('2026-11-10', '15:00'),
        at('2026-11-10', '15:00'),
        at('2026-11-10', '15:01'),
        at('2026-11-10', '16:00'),
      ],
      [
        at('2026-11-11', '08:00'),
        at('2026-11-11', '09:00'),
        at('2026-11-11', '09:30'),
        at('2026-11-11', '10:00'),
      ],
    ]);
  });

  it('gives the headline figures in wall-clock time', () => {
    const figures = report([reopened, lateNight, unanswered], '2026-11-10', '2026-11-11', null);
    expect(figures.summary).toMatchObject({
      conversationsOpened: 5,
      conversationsResolved: 3,
      messagesReceived: 5,
      unanswered: 1,
    });
    expect(figures.summary.messagesSent).toMatchObject({ person: 3, automation: 1, campaign: 1, api: 0 });
    // First responses: 5 min, 1 min, 30 min, 15 h 20 min (the campaign message is no answer).
    expect(figures.summary.firstResponse).toEqual({
      count: 4,
      medianMs: 5 * MIN,
      p90Ms: 15 * HOUR + 20 * MIN,
    });
    // Resolutions: 1 h, 1 h, 2 h (the last counted from Dana's reopening at 08:00).
    expect(figures.summary.resolution).toEqual({ count: 3, medianMs: HOUR, p90Ms: 2 * HOUR });
    expect(figures.trend.map((d) => [d.date, d.opened, d.resolved, d.received, d.sent])).toEqual([
      ['2026-11-10', 3, 2, 3, 3],
      ['2026-11-11', 2, 1, 2, 2],
    ]);
    // Tuesday (1) 10:00, 15:00 and 17:50; Wednesday (2) 09:00 and 12:00, local hours.
    expect(figures.busiestHours[1]?.[10]).toBe(1);
    expect(figures.busiestHours[1]?.[17]).toBe(1);
    expect(figures.busiestHours[2]?.[9]).toBe(1);
    expect(figures.busiestHours.flat().reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('counts response and resolution in business hours only when asked', () => {
    const figures = report([reopened, lateNight], '2026-11-10', '2026-11-11', WEEKDAYS_9_TO_18);
    // 5 min, 1 min, 30 min and 20 min (17:50–18:00 and 09:00–09:10).
    expect(figures.summary.firstResponse).toEqual({ count: 4, medianMs: 5 * MIN, p90Ms: 30 * MIN });
    // The third resolution counts from 09:00, when the shop opened: 1 h.
    expect(figures.summary.resolution).toEqual({ count: 3, medianMs: HOUR, p90Ms: HOUR });
  });

  it('measures a first response across the night the clocks go back', () => {
    const night = timeline('d@s.whatsapp.net', [
      customer(at('2026-10-24', '23:00')),
      dana(at('2026-10-25', '03:00')),
    ]);
    const wall = report([night], '2026-10-24', '2026-10-25', null);
    expect(wall.summary.firstResponse.medianMs).toBe(5 * HOUR);
    expect(wall.trend.map((d) => d.date)).toEqual(['2026-10-24', '2026-10-25']);
    expect(wall.trend[0]?.firstResponseMedianMs).toBe(5 * HOUR);
    expect(report([night], '2026-10-24', '2026-10-25', SATURDAY_NIGHT).summary.firstResponse.medianMs).toBe(
      5 * HOUR,
    );
  });

  it('splits the tables per person, team, tag and number, and filters by assignee', () => {
    const figures = report([reopened, lateNight, unanswered], '2026-11-10', '2026-11-11', null);
    expect(figures.people).toEqual([
      {
        id: 'usr_dana',
        name: 'Dana',
        conversations: 4,
        resolved: 3,
        received: 4,
        replies: 3,
        firstResponseMedianMs: 5 * MIN,
        resolutionMedianMs: HOUR,
      },
    ]);
    expect(figures.teams.map((row) => [row.name, row.conversations])).toEqual([['Support', 4]]);
    expect(figures.tags.map((row) => [row.name, row.conversations, row.resolved])).toEqual([['VIP', 3, 3]]);
    expect(figures.numbers.map((row) => [row.name, row.conversations, row.received])).toEqual([
      ['Shop', 5, 5],
    ]);
    const own = report([reopened, lateNight, unanswered], '2026-11-10', '2026-11-11', null, {
      filter: { userId: 'usr_nobody' },
    });
    expect(own.summary.conversationsOpened).toBe(0);
    expect(own.summary.messagesReceived).toBe(0);
  });
});
