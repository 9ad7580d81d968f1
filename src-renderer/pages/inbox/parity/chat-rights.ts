import type { Me } from '../../../../src-shared/contract/people';
import { canChangeAssignment } from '../../../model/assignment/views';

/**
 * What the chat menu offers (issue #19). The server decides every call; this only hides what it
 * would refuse: blocking and starring need write on the number, clearing and deleting a chat its
 * manage permission (owners and admins).
 */
export function chatRights(principal: Me | null, session: string) {
  const manage = principal?.role === 'owner' || principal?.role === 'admin';
  return { write: canChangeAssignment(principal, session), manage };
}
