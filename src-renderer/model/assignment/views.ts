import type { Assignee, ChatStatus } from '../../../src-shared/contract/assignment';

/**
 * The inbox views of issue #16: the chats assigned to me, those with nobody assigned (a team
 * may have them), one of my teams' chats, or every chat the person may read.
 */
export type InboxView =
  { kind: 'all' } | { kind: 'mine' } | { kind: 'unassigned' } | { kind: 'team'; team: string };

export const ALL_VIEW: InboxView = { kind: 'all' };

/** The status filter of the views: open by default, or every status (`null`). */
export const DEFAULT_STATUS: ChatStatus | null = 'open';

/** What `chats.list` is asked for a view and status. */
export function viewQuery(
  view: InboxView,
  status: ChatStatus | null,
): { assignee?: string; team?: string; status?: ChatStatus } {
  const query: { assignee?: string; team?: string; status?: ChatStatus } = {};
  if (view.kind === 'mine') query.assignee = 'me';
  if (view.kind === 'unassigned') query.assignee = 'none';
  if (view.kind === 'team') query.team = view.team;
  if (status) query.status = status;
  return query;
}

/** Whether a chat with this status and assignee belongs in the view (live moves between lists). */
export function inView(
  chat: { status: ChatStatus; assignee: Assignee },
  view: InboxView,
  status: ChatStatus | null,
  me: string | null,
): boolean {
  if (status !== null && chat.status !== status) return false;
  switch (view.kind) {
    case 'all':
      return true;
    case 'mine':
      return me !== null && chat.assignee.user?.id === me;
    case 'unassigned':
      return chat.assignee.user === null;
    case 'team':
      return chat.assignee.team?.id === view.team;
  }
}

/** Whether the list shows a subset that events can move chats into or out of. */
export function isNarrowed(view: InboxView, status: ChatStatus | null): boolean {
  return view.kind !== 'all' || status !== null;
}

/** The views the person is offered: Mine and teams need a signed-in person (not a key). */
export function viewChoices(me: { id: string; teams: { id: string; name: string }[] } | null): {
  view: InboxView;
  team?: string;
}[] {
  const choices: { view: InboxView; team?: string }[] = [];
  if (me) choices.push({ view: { kind: 'mine' } });
  choices.push({ view: { kind: 'unassigned' } });
  for (const team of me?.teams ?? [])
    choices.push({ view: { kind: 'team', team: team.id }, team: team.name });
  choices.push({ view: ALL_VIEW });
  return choices;
}

/**
 * Whether the person may change a chat's assignment on this number (write on it; owners, admins,
 * keys and the desktop have every right). The server decides; this hides what it would refuse.
 */
export function canChangeAssignment(
  principal: { role: string; numbers: { session: string; write: boolean }[] } | null,
  session: string,
): boolean {
  if (!principal) return false;
  if (principal.role === 'owner' || principal.role === 'admin') return true;
  return principal.numbers.some((number) => number.session === session && number.write);
}

/** A view as a `<select>` value and back. */
export function viewValue(view: InboxView): string {
  return view.kind === 'team' ? `team:${view.team}` : view.kind;
}

export function parseView(value: string): InboxView {
  if (value.startsWith('team:')) return { kind: 'team', team: value.slice(5) };
  if (value === 'mine' || value === 'unassigned') return { kind: value };
  return ALL_VIEW;
}
