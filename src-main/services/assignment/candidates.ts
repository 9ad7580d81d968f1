import type { AssignmentCandidates } from '../../../src-shared/contract/assignment.js';
import type { People } from '../people/index.js';
import type { Availability } from './availability.js';

/**
 * Who a chat of a number can be given to, for the inbox's assignee picker: enabled people who may
 * read the number (owners and admins read every number), each with whether they are available,
 * and every team. The same rule `AssignmentService` applies when assigning, so the picker never
 * offers someone the server would refuse. Agents cannot list people or teams themselves
 * (`users.list` is for admins), which is why this lives with assignment.
 */
export function assignmentCandidates(
  people: Pick<People, 'users' | 'teams' | 'permissions'>,
  availability: Availability,
  sessionId: string,
): AssignmentCandidates {
  const persons = people.users
    .list()
    .filter((user) => !user.disabled)
    .filter(
      (user) =>
        user.role === 'owner' ||
        user.role === 'admin' ||
        (people.permissions.rightsOf(user.id).get(sessionId)?.read ?? 'none') !== 'none',
    )
    .map((user) => ({ id: user.id, name: user.name, available: availability.get(user.id).available }));
  const teams = people.teams.list().map((team) => ({ id: team.id, name: team.name }));
  return { people: persons, teams };
}
