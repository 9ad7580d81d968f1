/**
 * A period's kept conversations, grouped in SQL by number, assignee and the chat's tags now
 * (metrics/conversation-groups.ts): each group one row, its conversations' four times in one
 * comma-separated text. Reading ~10,000 conversations of a month as rows built an object and
 * four strings per row, most of a report's time on a busy machine (docs/PERFORMANCE.md case 10);
 * the groups are a few dozen rows whatever the period.
 *
 * A conversation belongs to the period when it was opened, first written to or resolved in it:
 * three ranges over the covering indexes of migration 0028, each leaving out what an earlier one
 * read, so every conversation comes once without a set in JavaScript. Each row meets its chat's
 * key (migration 0057) by rowid for the number and the tags.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/connection.js';
import { parseTimes, type ConversationGroup } from './metrics/conversation-groups.js';
import type { ReportFilter } from './metrics/message-totals.js';
import { withChat } from './report-chats.js';
import { TAG_SET } from './tagged-counts.js';
import { IN_SCOPE_AND_TAGGED, scopeParams, type ScopeParams } from './report-scope.js';
interface Row {
  session: string;
  userId: string | null;
  teamId: string | null;
  tags: string | null;
  times: string;
}

const COLUMNS = `k.session_id, k.chat_jid, x.opened_at, x.first_incoming_at, x.first_response_at, x.resolved_at,
  x.assignee_user_id, x.assignee_team_id`;
const IN_PERIOD = (column: string) => `(x.${column} >= @from AND x.${column} < @to)`;
/**
 * The conversations with an event in [@from, @to), each once, with their chat's number and JID
 * (the conversation days of a UTC day read the same).
 */
export const CONVERSATIONS_IN_PERIOD = `
  SELECT ${COLUMNS} FROM ${withChat('report_conversations x INDEXED BY report_conversations_opened_idx')}
   WHERE ${IN_PERIOD('opened_at')}
  UNION ALL
  SELECT ${COLUMNS} FROM ${withChat('report_conversations x INDEXED BY report_conversations_incoming_idx')}
   WHERE ${IN_PERIOD('first_incoming_at')} AND NOT ${IN_PERIOD('opened_at')}
  UNION ALL
  SELECT ${COLUMNS} FROM ${withChat('report_conversations x INDEXED BY report_conversations_resolved_idx')}
   WHERE ${IN_PERIOD('resolved_at')} AND NOT ${IN_PERIOD('opened_at')}
     AND (x.first_incoming_at IS NULL OR NOT ${IN_PERIOD('first_incoming_at')})`;
const TIMES = `group_concat(c.opened_at || ',' || ifnull(c.first_incoming_at, '') || ',' ||
  ifnull(c.first_response_at, '') || ',' || ifnull(c.resolved_at, ''), ',')`;
const grouped = (tags: string) =>
  `SELECT c.session_id AS session, c.assignee_user_id AS userId, c.assignee_team_id AS teamId, ${tags} AS tags,
          ${TIMES} AS times
     FROM (${CONVERSATIONS_IN_PERIOD}) c WHERE ${IN_SCOPE_AND_TAGGED}
    GROUP BY c.session_id, c.assignee_user_id, c.assignee_team_id, tags`;

export class PeriodConversations {
  private readonly untagged: Statement<[ScopeParams], Row>;
  private readonly tagged: Statement<[ScopeParams], Row>;
  private readonly anyTagging: Statement<[], { found: number }>;

  constructor(db: Db) {
    const sqlite = db.$client;
    this.untagged = sqlite.prepare(grouped('NULL'));
    // The chat's tags by key, in one order, so chats with the same tags share a group.
    this.tagged = sqlite.prepare(grouped(TAG_SET));
    this.anyTagging = sqlite.prepare('SELECT EXISTS (SELECT 1 FROM chat_tags) AS found');
  }

  /** The conversations opened, first written to or resolved in [from, to) of these numbers, through the filter. */
  groups(
    period: { start: number; end: number },
    sessions: readonly string[],
    filter: ReportFilter,
    tag: string | null,
  ): ConversationGroup[] {
    const params = scopeParams(period.start, period.end, sessions, filter, tag);
    const statement = this.anyTagging.get()?.found ? this.tagged : this.untagged;
    return statement.all(params).map((row) => ({
      session: row.session,
      assignee: { userId: row.userId, teamId: row.teamId },
      tags: row.tags ? row.tags.split('\u001f') : [],
      times: parseTimes(row.times),
    }));
  }
}
