/**
 * Reports (migration 0028_report_conversations.sql, hand-written; issue #24; integer chat keys since
 * 0057): each customer chat's conversations, folded once and kept
 * (services/reports/conversation-table.ts), and the chats
 * whose facts changed since they were folded (kept by triggers on `messages` and
 * `chat_assignment_history`, in the writer's transaction).
 */
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * A customer chat's integer key (migration 0057): the report tables below name a chat by it
 * instead of repeating its number and JID as text. Its own table, not `chat_search_keys`: the
 * rows of an erased chat must still be found by the fold that removes them.
 */
export const reportChats = sqliteTable(
  'report_chats',
  {
    id: integer('id').primaryKey(),
    sessionId: text('session_id').notNull(),
    chatJid: text('chat_jid').notNull(),
  },
  (t) => [uniqueIndex('report_chats_key_idx').on(t.sessionId, t.chatJid)],
);

/** One open → resolved cycle of a chat (docs/API.md "Reports", metrics/timeline.ts). */
export const reportConversations = sqliteTable(
  'report_conversations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** `report_chats.id`. */
    chat: integer('chat').notNull(),
    /** Unix ms, like every time below. */
    openedAt: integer('opened_at').notNull(),
    firstIncomingAt: integer('first_incoming_at'),
    firstResponseAt: integer('first_response_at'),
    resolvedAt: integer('resolved_at'),
    /** Who had it when it was resolved, or has it now. */
    assigneeUserId: text('assignee_user_id'),
    assigneeTeamId: text('assignee_team_id'),
  },
  (t) => [
    index('report_conversations_chat_idx').on(t.chat, t.openedAt),
    index('report_conversations_opened_idx').on(
      t.openedAt,
      t.chat,
      t.firstIncomingAt,
      t.firstResponseAt,
      t.resolvedAt,
      t.assigneeUserId,
      t.assigneeTeamId,
    ),
    index('report_conversations_incoming_idx')
      .on(
        t.firstIncomingAt,
        t.chat,
        t.openedAt,
        t.firstResponseAt,
        t.resolvedAt,
        t.assigneeUserId,
        t.assigneeTeamId,
      )
      .where(sql`${t.firstIncomingAt} IS NOT NULL`),
    index('report_conversations_resolved_idx')
      .on(
        t.resolvedAt,
        t.chat,
        t.openedAt,
        t.firstIncomingAt,
        t.firstResponseAt,
        t.assigneeUserId,
        t.assigneeTeamId,
      )
      .where(sql`${t.resolvedAt} IS NOT NULL`),
  ],
);

/** A chat to fold again from `since` (Unix ms; -1: from its beginning). */
export const reportDirtyChats = sqliteTable(
  'report_dirty_chats',
  {
    sessionId: text('session_id').notNull(),
    chatJid: text('chat_jid').notNull(),
    since: integer('since').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.chatJid] })],
);

/**
 * A customer chat's messages per quarter hour (migrations 0032, 0057), by sender kind, the person
 * who wrote it (`person` replies) and who had the chat then; '' is "nobody". Kept by the fold with
 * the conversations (services/reports/message-counts.ts).
 */
export const reportMessageCounts = sqliteTable(
  'report_message_counts',
  {
    /** `report_chats.id`. */
    chat: integer('chat').notNull(),
    /** floor(Unix ms / 900,000). */
    quarter: integer('quarter').notNull(),
    /** `customer` or a SenderKind, as its code (services/reports/kind-codes.ts). */
    kind: integer('kind').notNull(),
    senderUserId: text('sender_user_id').notNull(),
    assigneeUserId: text('assignee_user_id').notNull(),
    assigneeTeamId: text('assignee_team_id').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.chat, t.quarter, t.kind, t.senderUserId, t.assigneeUserId, t.assigneeTeamId],
    }),
    index('report_message_counts_quarter_idx').on(
      t.quarter,
      t.kind,
      t.chat,
      t.senderUserId,
      t.assigneeUserId,
      t.assigneeTeamId,
      t.n,
    ),
  ],
);

/**
 * The counts summed over chats per UTC day (migration 0040): a period's totals per number,
 * person and team (services/reports/count-rollups.ts). '' is "nobody".
 */
export const reportDayCounts = sqliteTable(
  'report_day_counts',
  {
    /** floor(quarter / 96). */
    day: integer('day').notNull(),
    sessionId: text('session_id').notNull(),
    kind: text('kind').notNull(),
    senderUserId: text('sender_user_id').notNull(),
    assigneeUserId: text('assignee_user_id').notNull(),
    assigneeTeamId: text('assignee_team_id').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.day, t.sessionId, t.kind, t.senderUserId, t.assigneeUserId, t.assigneeTeamId],
    }),
  ],
);

/** The counts summed over chats per quarter hour and direction (migration 0040): the trend and heat map. */
export const reportQuarterTotals = sqliteTable(
  'report_quarter_totals',
  {
    quarter: integer('quarter').notNull(),
    /** 1: the customers' messages; 0: ours. */
    incoming: integer('incoming').notNull(),
    sessionId: text('session_id').notNull(),
    assigneeUserId: text('assignee_user_id').notNull(),
    assigneeTeamId: text('assignee_team_id').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.quarter, t.incoming, t.sessionId, t.assigneeUserId, t.assigneeTeamId] })],
);

/**
 * A UTC day's conversation events per number, assignee and the chat's tags now (migration 0046,
 * services/reports/conversation-days.ts): little-endian float64 arrays of each event's quarter of
 * the day and durations. '' is "nobody" / "no tags".
 */
export const reportConversationDays = sqliteTable(
  'report_conversation_days',
  {
    /** floor(Unix ms / 86,400,000). */
    day: integer('day').notNull(),
    sessionId: text('session_id').notNull(),
    assigneeUserId: text('assignee_user_id').notNull(),
    assigneeTeamId: text('assignee_team_id').notNull(),
    /** The chat's tag ids in order, joined by char(31). */
    tags: text('tags').notNull(),
    opened: blob('opened', { mode: 'buffer' }).notNull(),
    incoming: blob('incoming', { mode: 'buffer' }).notNull(),
    resolved: blob('resolved', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.sessionId, t.assigneeUserId, t.assigneeTeamId, t.tags] })],
);

/** The tagged chats' counts per UTC day by tag set (migration 0046, services/reports/tagged-counts.ts). */
export const reportTaggedDayCounts = sqliteTable(
  'report_tagged_day_counts',
  {
    day: integer('day').notNull(),
    tags: text('tags').notNull(),
    sessionId: text('session_id').notNull(),
    kind: text('kind').notNull(),
    senderUserId: text('sender_user_id').notNull(),
    assigneeUserId: text('assignee_user_id').notNull(),
    assigneeTeamId: text('assignee_team_id').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.day, t.tags, t.sessionId, t.kind, t.senderUserId, t.assigneeUserId, t.assigneeTeamId],
    }),
  ],
);

/**
 * The message counts per quarter hour of each UTC day by number, assignee and the chat's tags now
 * (migration 0047, services/reports/day-quarters.ts): one blob of 192 counts a row, the customers'
 * messages in quarters 0–95, then ours; only the non-zero ones are stored (quarter-counts-codec.ts;
 * 768 bytes is the dense int32 form rows were first written in).
 */
export const reportDayQuarters = sqliteTable(
  'report_day_quarters',
  {
    /** floor(Unix ms / 86,400,000). */
    day: integer('day').notNull(),
    sessionId: text('session_id').notNull(),
    assigneeUserId: text('assignee_user_id').notNull(),
    assigneeTeamId: text('assignee_team_id').notNull(),
    /** The chat's tag ids in order, joined by char(31). */
    tags: text('tags').notNull(),
    counts: blob('counts', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.sessionId, t.assigneeUserId, t.assigneeTeamId, t.tags] })],
);

/** UTC days whose kept sums above are to be rebuilt (migration 0046). */
export const reportDirtyDays = sqliteTable('report_dirty_days', {
  day: integer('day').primaryKey(),
});

/** The business hours each number's kept durations were measured with (migration 0046). */
export const reportHoursFolded = sqliteTable('report_hours_folded', {
  sessionId: text('session_id').primaryKey(),
  hours: text('hours').notNull(),
});
