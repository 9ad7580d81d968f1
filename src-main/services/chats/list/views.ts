/**
 * The inbox views of issue #16 as chat list filters: an assignee (a person, or nobody), a team,
 * a status, and what an "assigned" reader may see. Each view with a status walks its partial
 * index on the list order (migration 0021): `chats_mine_order_idx`, `chats_team_order_idx`,
 * `chats_unassigned_order_idx`, `chats_status_order_idx`. Without a status, a person's or a
 * team's chats walk `chats_assignee_order_idx` / `chats_team_any_order_idx` (migration 0025, only
 * assigned chats); Unassigned and All without a status are most chats, a condition on the walk
 * of the whole order (or of a sparser filter's set).
 */
import type { ChatStatus } from '../../../../src-shared/contract/assignment.js';

export interface ChatView {
  /** A person's chats (their id), or `none`: nobody has them (a team may). */
  assignee?: { user: string } | 'none' | undefined;
  /** The chats of this team (with or without a person). */
  teamId?: string | undefined;
  status?: ChatStatus | undefined;
}

/** On these numbers the caller reads only chats assigned to them, or to their teams with nobody yet. */
export interface AssignedOnly {
  sessions: ReadonlySet<string>;
  userId: string;
  teams: readonly string[];
}

export type ViewWalk = 'mine' | 'team' | 'unassigned' | 'status' | 'assignee' | 'team_any';

/** The row conditions of a view, with their parameters set on `params`. */
export function viewConditions(view: ChatView | undefined, params: Record<string, unknown>): string[] {
  if (!view) return [];
  const where: string[] = [];
  if (view.assignee === 'none') where.push('c.assignee_user_id IS NULL');
  else if (view.assignee) {
    where.push('c.assignee_user_id = @assigneeUser');
    params.assigneeUser = view.assignee.user;
  }
  if (view.teamId) {
    where.push('c.assignee_team_id = @assigneeTeam');
    params.assigneeTeam = view.teamId;
  }
  if (view.status) {
    where.push('c.status = @status');
    params.status = view.status;
  }
  return where;
}

/**
 * Whether a view sorts chats by who handles them (Mine, Unassigned, a team). Channels are not
 * conversations to assign (issue #19): such a view leaves them out (`NOT_A_CHANNEL`), and the
 * view counts never count them (migration 0050's triggers). All is the conversations too (its
 * count is): the list shows channels only under `kind=newsletter` (the Channels filter).
 */
export function isAssignmentView(view: ChatView | undefined): boolean {
  return !!view && (view.assignee !== undefined || view.teamId !== undefined);
}

export const NOT_A_CHANNEL = "c.kind <> 'newsletter'";

/**
 * "Allowed numbers, or on an assigned-only number one's own chats": replaces the plain
 * allowed-sessions condition for such a reader.
 */
export function assignedOnlyCondition(
  allowed: string,
  assigned: AssignedOnly,
  params: Record<string, unknown>,
): string {
  params.assignedSessions = JSON.stringify([...assigned.sessions]);
  params.me = assigned.userId;
  params.myTeams = JSON.stringify(assigned.teams);
  return `(${allowed} OR (c.session_id IN (SELECT value FROM json_each(@assignedSessions)) AND
    (c.assignee_user_id = @me OR (c.assignee_user_id IS NULL AND
      c.assignee_team_id IN (SELECT value FROM json_each(@myTeams))))))`;
}

/** The index a view walks in list order (see the file comment). */
export function viewWalk(view: ChatView | undefined): ViewWalk | null {
  if (!view) return null;
  if (!view.status) {
    if (view.assignee && view.assignee !== 'none') return 'assignee';
    return view.teamId ? 'team_any' : null;
  }
  if (view.assignee && view.assignee !== 'none') return 'mine';
  if (view.teamId) return 'team';
  if (view.assignee === 'none') return 'unassigned';
  return 'status';
}

export function viewIndex(walk: ViewWalk): string {
  return `chats_${walk}_order_idx`;
}
