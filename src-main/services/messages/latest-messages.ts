import type { Statement } from 'better-sqlite3';
import type { Message } from '../../../src-shared/messages.js';
import type { Db } from '../../db/connection.js';
import { hiddenThrough, type HiddenRows } from './hidden-rows.js';
import { COLUMNS, decodePageCursor, storedMessage, type StoredRow } from './history-queries.js';
import { REACTIONS_COLUMN } from './reactions-column.js';

export type Direction = 'sent' | 'received';

/** An "assigned only" reader of the number: their chats, and their teams' unassigned ones. */
export interface OwnChats {
  userId: string;
  teams: readonly string[];
}

/**
 * The condition of each direction, spelled as the partial indexes of migration 0023 are
 * (`messages_report_out_idx`, `messages_report_in_idx`), so SQLite walks that index from the newest
 * entry: (session, timestamp, …) in order, the row id breaking ties with a sort of one second's
 * messages only. Placeholders of messages still waiting for their content are not received yet.
 */
const DIRECTION: Record<Direction, string> = {
  sent: 'm.from_me = 1',
  received: `m.from_me = 0 AND m.type <> 'waiting'`,
};

const OWN_CHATS = `AND m.chat_jid IN (SELECT c.jid FROM chats c WHERE c.session_id = @sessionId AND
  (c.assignee_user_id = @me OR (c.assignee_user_id IS NULL AND c.assignee_team_id IN (SELECT value FROM json_each(@myTeams)))))`;

/**
 * The newest messages a number sent or received, across all its chats (seed 002's "latest sent /
 * received"), newest first, with the `<unix ms>.<row id>` cursor the conversation pages use.
 */
export class LatestMessages {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Db,
    private readonly hidden: () => readonly HiddenRows[] = () => [],
  ) {}

  /** The SQL of one direction (exported for the query-plan test). */
  static sql(direction: Direction, ownChats: boolean): string {
    return `SELECT ${COLUMNS}, ${REACTIONS_COLUMN} FROM messages m
      WHERE m.session_id = @sessionId AND ${DIRECTION[direction]}
        AND (m.timestamp, m.row_id) < (@at, @rowId) AND m.row_id > @visibleAbove ${ownChats ? OWN_CHATS : ''}
      ORDER BY m.timestamp DESC, m.row_id DESC LIMIT @limit`;
  }

  list(options: {
    sessionId: string;
    direction: Direction;
    limit: number;
    cursor?: string | undefined;
    /** Only these chats (an "assigned only" reader); undefined: every chat of the number. */
    ownChats?: OwnChats | undefined;
  }): { messages: Message[]; next: string | null } {
    const from = options.cursor ? decodePageCursor(options.cursor) : null;
    const rows = this.statement(options.direction, Boolean(options.ownChats)).all({
      sessionId: options.sessionId,
      at: from?.at ?? Number.MAX_SAFE_INTEGER,
      rowId: from?.rowId ?? 0,
      visibleAbove: hiddenThrough(this.hidden(), options.sessionId),
      limit: options.limit,
      ...(options.ownChats
        ? { me: options.ownChats.userId, myTeams: JSON.stringify(options.ownChats.teams) }
        : {}),
    }) as StoredRow[];
    const oldest = rows[rows.length - 1];
    return {
      messages: rows.map((row) => storedMessage(row)),
      next: rows.length === options.limit && oldest ? `${oldest.timestamp}.${oldest.rowId}` : null,
    };
  }

  private statement(direction: Direction, ownChats: boolean): Statement {
    const key = `${direction}:${ownChats}`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.$client.prepare(LatestMessages.sql(direction, ownChats));
      this.statements.set(key, statement);
    }
    return statement;
  }
}
