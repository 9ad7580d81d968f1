import type { AssignmentCandidates } from '../../../src-shared/contract/assignment';

/** One row of the assignee picker: a person, a team, or "nobody". */
export type PickerOption =
  | { kind: 'person'; id: string; name: string; available: boolean; me: boolean }
  | { kind: 'team'; id: string; name: string }
  | { kind: 'nobody' };

/** What choosing an option asks `assignment.assign` for: a team goes to its queue (nobody in it). */
export function changeOf(option: PickerOption): { user?: string | null; team?: string | null } {
  if (option.kind === 'person') return { user: option.id };
  if (option.kind === 'team') return { team: option.id, user: null };
  return { user: null, team: null };
}

/**
 * The picker's rows for a search: me first, then available people, then away, then teams (each
 * by name), then "nobody"; the search matches names ignoring case and accents.
 */
export function pickerOptions(
  candidates: AssignmentCandidates,
  query: string,
  me: string | null,
  locale?: string,
): PickerOption[] {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(locale);
  const wanted = fold(query.trim());
  const matches = (name: string) => !wanted || fold(name).includes(wanted);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, locale);
  const people = candidates.people
    .filter((person) => matches(person.name))
    .map((person) => ({ kind: 'person' as const, ...person, me: person.id === me }))
    .sort((a, b) => Number(b.me) - Number(a.me) || Number(b.available) - Number(a.available) || byName(a, b));
  const teams = candidates.teams
    .filter((team) => matches(team.name))
    .map((team) => ({ kind: 'team' as const, ...team }))
    .sort(byName);
  return [...people, ...teams, ...(wanted ? [] : [{ kind: 'nobody' as const }])];
}
