import type { Database, Statement } from 'better-sqlite3';
import type { ChatStatus, ViewCounts } from '../../../src-shared/contract/assignment.js';
import {
  assignedOnlyCondition,
  viewConditions,
  type AssignedOnly,
  type ChatView,
} from '../chats/list/views.js';

/** Who is counting, and over what: the same limits the chat list applies to them. */
export interface ViewCountsQuery {
  /** One number (the list's number filter, or a session key's own), or every readable one. */
  sessionId?: string | undefined;
  status?: ChatStatus | undefined;
  /** The numbers the caller reads all chats of (null: every number). */
  allowedSessions: ReadonlySet<string> | null;
  /** Numbers where the caller reads only their own chats (authorizer `assignedOnlySessions`). */
  assignedOnly: AssignedOnly | null;
  /** The signed-in person and their teams; null for keys and the desktop (no Mine, no teams). */
  person: { id: string; teams: readonly { id: string; name: string }[] } | null;
}

type CountedView = 'mine' | 'team' | 'unassigned' | 'all';

/**
 * The inbox views' counts (issue #16): Mine, Unassigned, each of my teams and All, for a status.
 * Each is one `count(*)` over the view's own partial index (migration 0021), with the caller's
 * limits as conditions on columns the index holds (`session_id`) — so a count reads index
 * entries of that view only, never the chats table (query-plans.test.ts asserts the plans;
 * bench row "view counts"). An "assigned" reader's condition needs the row only for chats of
 * their assigned-only numbers. Archived chats count too: archiving hides a chat from the list's
 * default, not from its view.
 */
export class ViewCountQueries {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly sqlite: Database,
    /** Deleted numbers whose history is kept: not listed, so not counted (as the chat list). */
    private readonly hiddenSessions: () => readonly string[] = () => [],
  ) {}

  counts(query: ViewCountsQuery): ViewCounts {
    const count = (counted: CountedView, view: ChatView) => this.count(counted, view, query);
    const status = query.status;
    return {
      status: status ?? null,
      mine: query.person ? count('mine', { assignee: { user: query.person.id }, status }) : null,
      unassigned: count('unassigned', { assignee: 'none', status }),
      teams: (query.person?.teams ?? []).map((team) => ({
        id: team.id,
        name: team.name,
        count: count('team', { teamId: team.id, status }),
      })),
      all: count('all', { status }),
    };
  }

  private count(counted: CountedView, view: ChatView, query: ViewCountsQuery): number {
    const params: Record<string, unknown> = {};
    const where = viewConditions(view, params);
    if (query.sessionId) {
      // `+`: a filter on the index's session column, never a reason to walk another index.
      where.push('+c.session_id = @sessionId');
      params.sessionId = query.sessionId;
    } else {
      const hidden = this.hiddenSessions();
      if (hidden.length) {
        where.push('c.session_id NOT IN (SELECT value FROM json_each(@hidden))');
        params.hidden = JSON.stringify(hidden);
      }
    }
    if (query.allowedSessions) {
      const allowed = 'c.session_id IN (SELECT value FROM json_each(@allowed))';
      params.allowed = JSON.stringify([...query.allowedSessions]);
      const assigned = query.assignedOnly;
      if (!assigned) where.push(allowed);
      else if (counted === 'mine' && assigned.userId === query.person?.id) {
        // One's own chats are visible on every number one reads at all.
        params.assignedSessions = JSON.stringify([...assigned.sessions]);
        where.push(`(${allowed} OR c.session_id IN (SELECT value FROM json_each(@assignedSessions)))`);
      } else where.push(assignedOnlyCondition(allowed, assigned, params));
    }
    const index = indexOf(counted, view.status);
    const sql = `SELECT count(*) FROM chats c${index ? ` INDEXED BY ${index}` : ''}
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    return this.statement(sql).pluck().get(params) as number;
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** The partial index of a view (All without a status counts every chat: SQLite picks the narrowest). */
function indexOf(counted: CountedView, status: ChatStatus | undefined): string | null {
  switch (counted) {
    case 'mine':
      return 'chats_mine_order_idx';
    case 'team':
      return 'chats_team_order_idx';
    case 'unassigned':
      return 'chats_unassigned_order_idx';
    case 'all':
      return status ? 'chats_status_order_idx' : null;
  }
}
