import { describe, expect, it } from 'vitest';
import type { GroupMember } from '../../../src-shared/contract/groups';
import { filterMembers, memberChangeProblem, memberTitle } from './group-members';

const member = (jid: string, name: string | null, phone: string | null): GroupMember => ({
  jid,
  role: 'member',
  name,
  phone,
  isMe: false,
});

const dana = member('447700900601@s.whatsapp.net', 'Dána Levi', '447700900601');
const eli = member('447700900602@s.whatsapp.net', null, '447700900602');
const hidden = member('123456789@lid', null, null);

describe('group members', () => {
  it('shows a name, else the formatted number, never the bare id', () => {
    expect(memberTitle(dana)).toBe('Dána Levi');
    expect(memberTitle(eli)).toBe('+44 7700 900602');
    expect(memberTitle(hidden)).toBeNull();
  });

  it('finds members by name (accents and case ignored) or by number however it is typed', () => {
    expect(filterMembers([dana, eli, hidden], 'dana')).toEqual([dana]);
    expect(filterMembers([dana, eli, hidden], '7700 900-602')).toEqual([eli]);
    expect(filterMembers([dana, eli, hidden], '  ')).toEqual([dana, eli, hidden]);
    expect(filterMembers([dana, eli], 'zoe')).toEqual([]);
  });

  it("reads WhatsApp's per-participant answers", () => {
    expect(memberChangeProblem('200')).toBeNull();
    expect(memberChangeProblem('409')).toBe('groupinfo.members.problem.already');
    expect(memberChangeProblem('403')).toBe('groupinfo.members.problem.privacy');
    expect(memberChangeProblem('500')).toBe('groupinfo.members.problem.other');
  });
});
