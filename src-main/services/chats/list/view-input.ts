import type { ChatStatus } from '../../../../src-shared/contract/assignment.js';
import { AppError } from '../../../../src-shared/errors.js';
import { assignedOnlySessions } from '../../access/authorizer.js';
import type { Principal } from '../../access/principal.js';
import type { AssignedOnly, ChatView } from './views.js';

/** The view filters as a caller writes them (`GET /chats?assignee=me|none|<id>&team=&status=`). */
export interface ChatViewInput {
  assignee?: string | undefined;
  team?: string | undefined;
  status?: ChatStatus | undefined;
}

/** `me` is the signed-in person; a key has no chats of its own. */
export function chatViewOf(principal: Principal, input: ChatViewInput): ChatView | undefined {
  if (!input.assignee && !input.team && !input.status) return undefined;
  let assignee: ChatView['assignee'];
  if (input.assignee === 'none') assignee = 'none';
  else if (input.assignee === 'me') {
    if (principal.kind !== 'user') {
      throw new AppError(
        'VALIDATION_FAILED',
        'assignee: "me" needs a signed-in person, not a key',
        'assignee',
      );
    }
    assignee = { user: principal.userId };
  } else if (input.assignee) assignee = { user: input.assignee };
  return { assignee, teamId: input.team, status: input.status };
}

/** What the caller may see of numbers where their read is "assigned" (null: nothing such). */
export function assignedOnlyOf(principal: Principal): AssignedOnly | null {
  return assignedOnlySessions(principal);
}
