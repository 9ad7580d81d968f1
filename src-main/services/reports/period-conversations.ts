/**
 * A period's kept conversations, grouped in SQL by number, assignee and the chat's tags now
 * (metrics/conversation-groups.ts): each group one row, its conversations' four times in one
 * comma-separated text. Reading ~10,000 conversations of a month as rows built an object and
 * four strings per row, most of a report's time on a busy machine (docs/PERFORMANCE.md case 10);
 * the groups are a few dozen rows whatever the period.
 *
 * A conversation belongs to the period when it was opened, first written to or resolved in it:
 * three ranges over the covering indexes of migration 0028, each leaving out what an earlier one
 * read, so every conversation comes once without a set in JavaScript.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/connection.js';
import { parseTimes, type ConversationGroup } from './metrics/conversation-groups.js';
import type { ReportFilter } from './metrics/message-totals.js';
import { IN_SCOPE_AND_TAGGED, scopeParams, type ScopeParams } from './report-scope.js';
interface Row {
  session: string;
  userId: string | null;
  teamId: string | null;
  tags: string | null;
  times: string;
}

const COLUMNS = `session_id, chat_jid, opened_at, first_incoming_at, first_response_at, resolved_at,
  assignee_user_id, assignee_team_id`;
const IN_PERIOD = (column: string) => `(${column} >= @from AND ${column} < @to)`;
const CONVERSATIONS = `
  SELECT ${COLUMNS} FROM report_conversations INDEXED BY report_conversations_opened_idx
   WHERE ${IN_PERIOD('opened_at')}
  UNION ALL
  SELECT ${COLUMNS} FROM report_conversations INDEXED BY report_conversations_incoming_idx
   WHERE ${IN_PERIOD('first_incoming_at')} AND NOT ${IN_PERIOD('opened_at')}
  UNION ALL
  SELECT ${COLUMNS} FROM report_conversations INDEXED BY report_conversations_resolved_idx
   WHERE ${IN_PERIOD('resolved_at')} AND NOT ${IN_PERIOD('opened_at')}
     AND (first_incoming_at IS NULL OR NOT ${IN_PERIOD('first_incoming_at')})`;
const TIMES = `group_concat(c.opened_at || ',' || ifnull(c.first_incoming_at, '') || ',' ||
  ifnull(c.first_response_at, '') || ',' || ifnull(c.resolved_at, ''), ',')`;
const grouped = (tags: string) =>
  `SELECT c.session_id AS session, c.assignee_user_id AS userId, c.assignee_team_id AS teamId, ${tags} AS tags,
          ${TIMES} AS times
     FROM (${CONVERSATIONS}) c WHERE ${IN_SCOPE_AND_TAGGED}
    GROUP BY c.session_id, c.assignee_user_id, c.assignee_team_id, tags`;

export class PeriodConversations {
  private readonly untagged: Statement<[ScopeParams], Row>;
  private readonly tagged: Statement<[ScopeParams], Row>;
  private readonly anyTagging: Statement<[], { found: number }>;

  constructor(db: Db) {
    const sqlite = db.$client;
    this.untagged = sqlite.prepare(grouped('NULL'));
    // The chat's tags by key, in one order, so chats with the same tags share a group; joined
    // by the unit separator, which no id holds.
    this.tagged = sqlite.prepare(
      grouped(`(SELECT group_concat(tag_id, char(31)) FROM (SELECT t.tag_id FROM chat_tags t
         WHERE t.session_id = c.session_id AND t.chat_jid = c.chat_jid ORDER BY t.tag_id))`),
    );
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
