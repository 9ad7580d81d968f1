import type { UserRole } from '../../../src-shared/contract/people';
import type { MessageId } from '../../i18n/messages/en';

/** Each role's name and what it may do, in the reader's language. */
export const ROLE_TEXT: Record<UserRole, { name: MessageId; about: MessageId }> = {
  owner: { name: 'team.role.owner', about: 'team.role.ownerAbout' },
  admin: { name: 'team.role.admin', about: 'team.role.adminAbout' },
  agent: { name: 'team.role.agent', about: 'team.role.agentAbout' },
};
