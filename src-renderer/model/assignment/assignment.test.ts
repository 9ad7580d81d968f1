import { describe, expect, it } from 'vitest';
import type { AssignmentHistoryEntry } from '../../../src-shared/contract/assignment';
import { createIntl } from 'react-intl';
import { english } from '../../i18n/messages/en';
import hebrewStaff from '../../i18n/messages/staff/he.json';
import { historyLine, mergeHistory } from './history-lines';
import { assignmentShortcut } from './shortcuts';
import { laterToday, parseLocalDateTime, toLocalDateTime, tomorrowMorning } from './snooze';
import {
  canChangeAssignment,
  inView,
  isNarrowed,
  parseView,
  viewChoices,
  viewQuery,
  viewValue,
} from './views';

const dana = { id: 'usr_dana', name: 'Dana' };
const support = { id: 'team_support', name: 'Support' };

function entry(overrides: Partial<AssignmentHistoryEntry>): AssignmentHistoryEntry {
  return {
    id: 1,
    at: '2026-12-05T10:42:00.000Z',
    change: 'assignee',
    from: { user: null, team: null },
    to: { user: null, team: support },
    actor: { type: 'user', id: 'usr_omer', name: 'Omer' },
    reason: 'manual',
    note: null,
    ...overrides,
  } as AssignmentHistoryEntry;
}

const intl = createIntl({ locale: 'en', messages: english });

const historyLine_ = (line: AssignmentHistoryEntry) => historyLine(line, intl);

/** The English sentence a line shows, with its values filled in (as the UI does). */
function english_(line: { id: keyof typeof english; values: Record<string, string> }) {
  return Object.entries({ ...line.values, time: '10:42' }).reduce(
    (text, [name, value]) => text.replaceAll(`{${name}}`, value),
    english[line.id],
  );
}

describe('inbox views', () => {
  it('asks chats.list for the view and the status', () => {
    expect(viewQuery({ kind: 'mine' }, 'open')).toEqual({ assignee: 'me', status: 'open' });
    expect(viewQuery({ kind: 'unassigned' }, null)).toEqual({ assignee: 'none' });
    expect(viewQuery({ kind: 'team', team: 'team_support' }, 'resolved')).toEqual({
      team: 'team_support',
      status: 'resolved',
    });
    expect(viewQuery({ kind: 'all' }, null)).toEqual({});
  });

  it('decides whether a reassigned or resolved chat stays in the list', () => {
    const open = { status: 'open' as const, assignee: { user: dana, team: support } };
    expect(inView(open, { kind: 'mine' }, 'open', dana.id)).toBe(true);
    expect(inView(open, { kind: 'mine' }, 'open', 'usr_omer')).toBe(false);
    expect(inView(open, { kind: 'mine' }, 'open', null)).toBe(false);
    expect(inView(open, { kind: 'unassigned' }, 'open', dana.id)).toBe(false);
    expect(
      inView({ ...open, assignee: { user: null, team: support } }, { kind: 'unassigned' }, 'open', null),
    ).toBe(true);
    expect(inView(open, { kind: 'team', team: support.id }, null, null)).toBe(true);
    expect(inView(open, { kind: 'team', team: 'team_sales' }, null, null)).toBe(false);
    expect(inView({ ...open, status: 'resolved' }, { kind: 'all' }, 'open', null)).toBe(false);
    expect(inView({ ...open, status: 'resolved' }, { kind: 'all' }, null, null)).toBe(true);
    expect(isNarrowed({ kind: 'all' }, null)).toBe(false);
    expect(isNarrowed({ kind: 'all' }, 'open')).toBe(true);
  });

  it('offers the assignment controls only with write on the number', () => {
    const agent = (write: boolean) => ({ role: 'agent', numbers: [{ session: 'shop', write }] });
    expect(canChangeAssignment(agent(true), 'shop')).toBe(true);
    expect(canChangeAssignment(agent(false), 'shop')).toBe(false);
    expect(canChangeAssignment(agent(true), 'other')).toBe(false);
    expect(canChangeAssignment({ role: 'owner', numbers: [] }, 'other')).toBe(true);
    expect(canChangeAssignment(null, 'shop')).toBe(false);
  });

  it('offers Mine and the teams only to a signed-in person', () => {
    expect(viewChoices(null).map((choice) => viewValue(choice.view))).toEqual(['unassigned', 'all']);
    expect(viewChoices({ id: dana.id, teams: [support] }).map((choice) => viewValue(choice.view))).toEqual([
      'mine',
      'unassigned',
      'team:team_support',
      'all',
    ]);
    expect(parseView('team:team_support')).toEqual({ kind: 'team', team: 'team_support' });
    expect(parseView('mine')).toEqual({ kind: 'mine' });
    expect(parseView('whatever')).toEqual({ kind: 'all' });
  });
});

describe('history as system lines', () => {
  it('words each change as the issue shows it', () => {
    expect(english_(historyLine_(entry({})))).toBe('Omer assigned this to Support · 10:42');
    expect(english_(historyLine_(entry({ to: { user: dana, team: null } })))).toBe(
      'Omer assigned this to Dana · 10:42',
    );
    expect(
      english_(historyLine_(entry({ to: { user: dana, team: null }, actor: { type: 'user', ...dana } }))),
    ).toBe('Dana took this chat · 10:42');
    expect(english_(historyLine_(entry({ to: { user: null, team: null } })))).toBe(
      'Omer unassigned this · 10:42',
    );
    expect(
      english_(historyLine_(entry({ reason: 'handoff', actor: { type: 'key', id: 'k', name: 'Bot' } }))),
    ).toBe('API: Bot handed this over to Support · 10:42');
    const status = (to: string, reason = 'manual') =>
      english_(historyLine_(entry({ change: 'status', from: 'open', to, reason })));
    expect(status('resolved')).toBe('Resolved by Omer · 10:42');
    expect(status('pending')).toBe('Snoozed by Omer · 10:42');
    expect(status('open')).toBe('Reopened by Omer · 10:42');
    expect(status('open', 'customer')).toBe('Reopened: the customer wrote · 10:42');
    expect(status('open', 'snooze_ended')).toBe('Snooze ended, open again · 10:42');
  });

  it("names a routine that made the change in the reader's language (the server stores it in English)", () => {
    const routed = entry({ actor: { type: 'system', id: null, name: 'Routing: VIP first' } });
    const he = createIntl({ locale: 'he', messages: { ...english, ...hebrewStaff } });
    expect(historyLine(routed, he).values.actor).toBe('ניתוב: VIP first');
    const webhook = entry({ actor: { type: 'system', id: null, name: 'Routing: webhook' } });
    expect(historyLine(webhook, he).values.actor).toBe('Webhook של ניתוב');
    expect(
      english_(historyLine_(entry({ actor: { type: 'system', id: null, name: 'Automation: Prices' } }))),
    ).toBe('Automation: Prices assigned this to Support · 10:42');
  });

  it('puts lines between the messages by time, only inside the loaded stretch', () => {
    const message = (key: string, at: string) => ({ key, timestamp: `2026-12-05T${at}:00.000Z` });
    const items = [message('m1', '10:00'), message('m2', '11:00')];
    const history = [
      entry({ id: 3, at: '2026-12-05T12:00:00.000Z' }),
      entry({ id: 2, at: '2026-12-05T10:30:00.000Z' }),
      entry({ id: 1, at: '2026-12-05T09:00:00.000Z' }),
    ];
    const toItem = (line: AssignmentHistoryEntry) => ({ key: `h${line.id}`, timestamp: line.at });
    const keys = (options: { hasOlder: boolean; hasNewer: boolean }) =>
      mergeHistory(items, history, toItem, options).map((item) => item.key);
    expect(keys({ hasOlder: false, hasNewer: false })).toEqual(['h1', 'm1', 'h2', 'm2', 'h3']);
    // Older and newer pages not loaded yet: their lines wait for them.
    expect(keys({ hasOlder: true, hasNewer: true })).toEqual(['m1', 'h2', 'm2']);
    expect(mergeHistory([], history, toItem, { hasOlder: false, hasNewer: false })).toHaveLength(3);
  });
});

describe('snooze times and shortcuts', () => {
  it('snoozes until later today (a full hour, 3 hours on), tomorrow at 9:00, or a chosen local time', () => {
    const now = new Date(2026, 11, 5, 10, 20);
    expect(laterToday(now)).toEqual(new Date(2026, 11, 5, 14, 0));
    expect(laterToday(new Date(2026, 11, 5, 10, 0))).toEqual(new Date(2026, 11, 5, 13, 0));
    expect(tomorrowMorning(now)).toEqual(new Date(2026, 11, 6, 9, 0));
    expect(tomorrowMorning(new Date(2026, 11, 31, 23, 0))).toEqual(new Date(2027, 0, 1, 9, 0));
    expect(parseLocalDateTime('2026-12-07T08:30')).toEqual(new Date(2026, 11, 7, 8, 30));
    expect(parseLocalDateTime('')).toBeNull();
    expect(parseLocalDateTime('tomorrow')).toBeNull();
    expect(toLocalDateTime(new Date(2026, 0, 2, 3, 4))).toBe('2026-01-02T03:04');
  });

  it('reads Alt+Shift+A / R / S by key position, and nothing else', () => {
    const key = (code: string, extra: Partial<KeyboardEvent> = {}) =>
      assignmentShortcut({ altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, code, ...extra });
    expect(key('KeyA')).toBe('assign');
    expect(key('KeyR')).toBe('resolve');
    expect(key('KeyS')).toBe('snooze');
    expect(key('KeyX')).toBeNull();
    expect(key('KeyR', { shiftKey: false })).toBeNull();
    expect(key('KeyR', { ctrlKey: true })).toBeNull();
  });
});
