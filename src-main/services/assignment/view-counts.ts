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

/** Where counts come from: a table and what to add up per row. */
export interface CountSource {
  from: string;
  total: string;
}

/**
 * The counters kept on write (migration 0027): one row per (number, person, team, status) with
 * its number of chats, '' read back as NULL so the views' conditions apply to them unchanged.
 */
export const COUNTERS: CountSource = {
  from: `(SELECT session_id, nullif(assignee_user_id, '') AS assignee_user_id,
           nullif(assignee_team_id, '') AS assignee_team_id, status, n FROM chat_view_counts)`,
  total: 'coalesce(sum(c.n), 0)',
};

/**
 * Counting the chats themselves: what the counters must always equal (view-counts.test.ts).
 * Channels are not conversations (migration 0050): never counted.
 */
export const RECOUNT: CountSource = {
  from: "(SELECT * FROM chats WHERE kind <> 'newsletter')",
  total: 'count(*)',
};

/**
 * The inbox views' counts (issue #16): Mine, Unassigned, each of my teams and All, for a status.
 * Each is a sum over the counter rows of the view (`chat_view_counts`, kept by triggers on
 * `chats` in the same transaction as every insert, delete and status / assignee change), with
 * the caller's limits as conditions on the rows' number, person and team — so a count reads as
 * many rows as there are (number, person, team, status) combinations, whatever the chats'
 * number (bench row "view counts"). Archived chats count too: archiving hides a chat from the
 * list's default, not from its view.
 */
export class ViewCountQueries {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly sqlite: Database,
    /** Deleted numbers whose history is kept: not listed, so not counted (as the chat list). */
    private readonly hiddenSessions: () => readonly string[] = () => [],
    private readonly source: CountSource = COUNTERS,
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
      // The counters' key starts with the number: one number's rows are a range of it.
      where.push('c.session_id = @sessionId');
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
    const sql = `SELECT ${this.source.total} FROM ${this.source.from} c
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
