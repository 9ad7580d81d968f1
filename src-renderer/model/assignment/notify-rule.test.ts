import { describe, expect, it } from 'vitest';
import { notifiesMe } from './notify-rule';

const dana = { id: 'usr_dana', teams: [{ id: 'team_support' }] };
const omer = { id: 'usr_omer', teams: [] };
const person = (id: string) => ({ user: { id, name: id }, team: null });
const team = (id: string) => ({ user: null, team: { id, name: id } });
const nobody = { user: null, team: null };

describe('who a new customer message notifies', () => {
  it('the assignee only', () => {
    expect(notifiesMe(person('usr_dana'), dana)).toBe(true);
    expect(notifiesMe(person('usr_dana'), omer)).toBe(false);
    // The desktop window (nobody) is not the assignee either.
    expect(notifiesMe(person('usr_dana'), null)).toBe(false);
  });
  it('the team’s members when no person has it', () => {
    expect(notifiesMe(team('team_support'), dana)).toBe(true);
    expect(notifiesMe(team('team_support'), omer)).toBe(false);
    expect(notifiesMe(team('team_support'), null)).toBe(false);
  });
  it('everyone who may read it when nobody has it', () => {
    expect(notifiesMe(nobody, dana)).toBe(true);
    expect(notifiesMe(nobody, omer)).toBe(true);
    expect(notifiesMe(nobody, null)).toBe(true);
    expect(notifiesMe(null, omer)).toBe(true);
  });
});
