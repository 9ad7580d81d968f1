import type { Assignee } from '../../../src-shared/contract/assignment';

/**
 * Whose desktop notification a new customer message is (issue #16): the assignee's; with no
 * person, the team's members; with neither, everyone who may read the chat (they got the event,
 * so they may). `me` is the signed-in person, or null for the desktop and keys, who are nobody's
 * assignee and hear only about chats nobody has.
 */
export function notifiesMe(
  assignee: Assignee | null,
  me: { id: string; teams: readonly { id: string }[] } | null,
): boolean {
  if (!assignee) return true;
  if (assignee.user) return me !== null && assignee.user.id === me.id;
  if (assignee.team) return me !== null && me.teams.some((team) => team.id === assignee.team?.id);
  return true;
}
