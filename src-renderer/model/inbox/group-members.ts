/** The pure parts of the group-info member list: the name shown, search, and WhatsApp's answers. */
import type { GroupMember } from '../../../src-shared/contract/groups';
import { formatPhone } from '../phone';

/** The name a member shows with: saved / business / profile name, else the phone number; null if neither is known. */
export function memberTitle(member: GroupMember): string | null {
  return member.name ?? formatPhone(member.phone);
}

const folded = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** Members whose name or number contains the query (accents and case ignored; digits match any formatting). */
export function filterMembers(members: readonly GroupMember[], query: string): GroupMember[] {
  const words = folded(query.trim());
  if (!words) return [...members];
  const digits = query.replace(/\D/g, '');
  return members.filter(
    (member) =>
      (member.name !== null && folded(member.name).includes(words)) ||
      (digits.length > 0 && member.phone !== null && member.phone.includes(digits)),
  );
}

/**
 * What WhatsApp's per-participant status means, as a message id of the `groupinfo` area: null
 * when it worked (200), the reason otherwise.
 */
export function memberChangeProblem(
  status: string,
):
  | null
  | 'groupinfo.members.problem.already'
  | 'groupinfo.members.problem.privacy'
  | 'groupinfo.members.problem.notAdmin'
  | 'groupinfo.members.problem.notMember'
  | 'groupinfo.members.problem.other' {
  switch (status) {
    case '200':
      return null;
    case '409':
      return 'groupinfo.members.problem.already';
    case '403':
      return 'groupinfo.members.problem.privacy';
    case '401':
      return 'groupinfo.members.problem.notAdmin';
    case '404':
      return 'groupinfo.members.problem.notMember';
    default:
      return 'groupinfo.members.problem.other';
  }
}
