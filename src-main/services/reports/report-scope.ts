/**
 * What a report's kept reads are narrowed to, as named SQL parameters: the period's bounds (in
 * the unit of the table read), the numbers asked for, and the filter. The SQL conditions compare
 * a row `c` with them; '' in a kept key is "nobody", never an id asked for.
 */
import type { ReportFilter } from './metrics/message-totals.js';

export interface ScopeParams {
  from: number;
  to: number;
  /** The numbers, as a JSON array. */
  sessions: string;
  user: string | null;
  team: string | null;
  tag: string | null;
}

export function scopeParams(
  from: number,
  to: number,
  sessions: readonly string[],
  filter: ReportFilter,
  tag: string | null,
): ScopeParams {
  return {
    from,
    to,
    sessions: JSON.stringify(sessions),
    user: filter.userId ?? null,
    team: filter.teamId ?? null,
    tag,
  };
}

/** The numbers, person and team of row `c`. */
export const IN_SCOPE = `c.session_id IN (SELECT value FROM json_each(@sessions))
  AND (@user IS NULL OR c.assignee_user_id = @user)
  AND (@team IS NULL OR c.assignee_team_id = @team)`;

/** The same, and the tag on the chat of row `c` now. */
export const IN_SCOPE_AND_TAGGED = `${IN_SCOPE}
  AND (@tag IS NULL OR EXISTS (SELECT 1 FROM chat_tags f WHERE f.session_id = c.session_id AND f.chat_jid = c.chat_jid AND f.tag_id = @tag))`;
