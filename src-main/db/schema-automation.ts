/**
 * Automation per number (migration 0014): its settings document, what each chat remembers
 * (menu place, pause, last greeting/away), and a log of every automatic message (the per-hour
 * loop guard counts it; it names the rule that sent a message).
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { AutomationSettings } from '../../src-shared/contract/automation.js';

export const automationSettings = sqliteTable('automation_settings', {
  sessionId: text('session_id').primaryKey(),
  settings: text('settings', { mode: 'json' }).$type<AutomationSettings>().notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const automationChats = sqliteTable(
  'automation_chats',
  {
    sessionId: text('session_id').notNull(),
    chatJid: text('chat_jid').notNull(),
    /** The customer's latest message seen by automation (Unix ms): "first message" and "N days of silence". */
    lastInboundAt: integer('last_inbound_at'),
    awaySentAt: integer('away_sent_at'),
    /** JSON array: [] at the top of the menu, ["2"] in option 2; null outside the menu. */
    menuPath: text('menu_path', { mode: 'json' }).$type<string[]>(),
    menuAt: integer('menu_at'),
    pausedUntil: integer('paused_until'),
    pauseReason: text('pause_reason', { enum: ['staff', 'handover'] }),
    stopped: integer('stopped', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.chatJid] })],
);

export const automationReplies = sqliteTable(
  'automation_replies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: text('session_id').notNull(),
    chatJid: text('chat_jid').notNull(),
    messageId: text('message_id').notNull(),
    kind: text('kind').notNull(),
    /** "Automation: <rule>" shows this. */
    rule: text('rule').notNull(),
    sentAt: integer('sent_at').notNull(),
  },
  (t) => [
    index('automation_replies_chat_idx').on(t.sessionId, t.chatJid, t.sentAt),
    index('automation_replies_message_idx').on(t.sessionId, t.messageId),
  ],
);
