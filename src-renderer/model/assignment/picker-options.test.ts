import { describe, expect, it } from 'vitest';
import { changeOf, pickerOptions } from './picker-options';

const candidates = {
  people: [
    { id: 'usr_zoe', name: 'Zoë', available: true },
    { id: 'usr_omer', name: 'Omer', available: false },
    { id: 'usr_dana', name: 'Dana', available: true },
    { id: 'usr_me', name: 'Rina', available: false },
  ],
  teams: [
    { id: 'team_support', name: 'Support' },
    { id: 'team_sales', name: 'Sales' },
  ],
};

const names = (options: ReturnType<typeof pickerOptions>) =>
  options.map((option) => (option.kind === 'nobody' ? '(nobody)' : option.name));

describe('the assignee picker', () => {
  it('lists me, then who is available, then who is away, then teams, then nobody', () => {
    expect(names(pickerOptions(candidates, '', 'usr_me', 'en'))).toEqual([
      'Rina',
      'Dana',
      'Zoë',
      'Omer',
      'Sales',
      'Support',
      '(nobody)',
    ]);
  });

  it('searches names ignoring case and accents', () => {
    expect(names(pickerOptions(candidates, 'zoe', null, 'en'))).toEqual(['Zoë']);
    expect(names(pickerOptions(candidates, 'S', null, 'en'))).toEqual(['Sales', 'Support']);
    expect(pickerOptions(candidates, 'nobody here', null, 'en')).toEqual([]);
  });

  it('assigns a person, moves to a team’s queue, or unassigns', () => {
    expect(changeOf({ kind: 'person', id: 'usr_dana', name: 'Dana', available: true, me: false })).toEqual({
      user: 'usr_dana',
    });
    expect(changeOf({ kind: 'team', id: 'team_support', name: 'Support' })).toEqual({
      team: 'team_support',
      user: null,
    });
    expect(changeOf({ kind: 'nobody' })).toEqual({ user: null, team: null });
  });
});
