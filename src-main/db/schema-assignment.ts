/**
 * Assignment (migration 0021_assignment.sql, hand-written; issue #16). A chat's status and
 * assignee are columns of `chats` (schema-messaging.ts); here are the history of every change and
 * each person's own "read up to" mark per chat.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './schema-people.js';

/** One change of a chat's assignee or status: who, when, why. Values are JSON (see services/assignment/). */
export const chatAssignmentHistory = sqliteTable(
  'chat_assignment_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: text('session_id').notNull(),
    chatJid: text('chat_jid').notNull(),
    /** Unix ms. */
    at: integer('at').notNull(),
    change: text('change', { enum: ['assignee', 'status'] }).notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    actor: text('actor').notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
  },
  (t) => [
    index('chat_assignment_history_chat_idx').on(t.sessionId, t.chatJid, t.id),
    // A period's changes, for reports (migration 0023).
    index('chat_assignment_history_at_idx').on(t.at),
  ],
);

/** "Mark as read for me": a person's own unread state, separate from WhatsApp read receipts. */
export const chatReads = sqliteTable(
  'chat_reads',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sessionId: text('session_id').notNull(),
    chatJid: text('chat_jid').notNull(),
    /** Unix ms: messages after this are unread for the person. */
    readAt: integer('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.sessionId, t.chatJid] })],
);

/**
 * How many chats of a number have each (person, team, status): the inbox views' counts as sums
 * over a few rows (migration 0027). Kept by triggers on `chats`; '' is "nobody" / "no team".
 */
export const chatViewCounts = sqliteTable(
  'chat_view_counts',
  {
    sessionId: text('session_id').notNull(),
    assigneeUserId: text('assignee_user_id').notNull(),
    assigneeTeamId: text('assignee_team_id').notNull(),
    status: text('status').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.assigneeUserId, t.assigneeTeamId, t.status] })],
);
