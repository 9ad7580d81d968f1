/**
 * Scheduled messages and campaigns. Both are durable rows that a scheduler walks by due
 * time, so nothing is lost across restarts, and each send is claimed before it is made, so
 * nothing is sent twice.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const schedules = sqliteTable(
  'schedules',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id').notNull(),
    /** The send request (src-shared/send-schemas.ts), exactly as the send endpoint accepts it. */
    message: text('message', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    /** Unix ms of the next send. */
    sendAt: integer('send_at').notNull(),
    /** IANA zone the user scheduled in (repetition follows its wall clock). */
    timeZone: text('time_zone').notNull(),
    /** `{kind: 'daily'|'weekly'|'monthly'}` or `{kind: 'cron', expression}`; null = once. */
    repeat: text('repeat', { mode: 'json' }).$type<Record<string, unknown>>(),
    status: text('status', {
      enum: ['pending', 'sending', 'sent', 'failed', 'cancelled', 'missed'],
    }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: integer('sent_at'),
    sentMessageId: text('sent_message_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('schedules_due_idx').on(t.status, t.sendAt),
    index('schedules_session_idx').on(t.sessionId, t.sendAt),
  ],
);

export const campaigns = sqliteTable(
  'campaigns',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id').notNull(),
    name: text('name').notNull(),
    /** Text with spintax `{Hi|Hello}` and placeholders `[name]`, `[phone]`, custom columns. */
    template: text('template').notNull(),
    /** Optional media sent with the text as caption (a MediaSource). */
    media: text('media', { mode: 'json' }).$type<Record<string, unknown>>(),
    mediaType: text('media_type'),
    /**
     * `preparing`: being created, its recipients stored in chunks; no reader sees it, and a
     * start-up drops one a crash left behind (CampaignService.create).
     */
    status: text('status', {
      enum: ['preparing', 'draft', 'running', 'paused', 'completed', 'cancelled'],
    }).notNull(),
    delayMinMs: integer('delay_min_ms').notNull(),
    delayMaxMs: integer('delay_max_ms').notNull(),
    dailyCap: integer('daily_cap'),
    /** `{timeZone, from: 'HH:MM', until: 'HH:MM', days?: ['MO',…]}` or null for any time. */
    workingHours: text('working_hours', { mode: 'json' }).$type<Record<string, unknown>>(),
    /** Unix ms before which the next recipient is not sent (the randomised delay). */
    nextSendAt: integer('next_send_at'),
    createdAt: integer('created_at').notNull(),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
  },
  (t) => [index('campaigns_status_idx').on(t.status, t.nextSendAt)],
);

export const campaignRecipients = sqliteTable(
  'campaign_recipients',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** As given (pasted, CSV, tag). */
    input: text('input').notNull(),
    jid: text('jid'),
    variables: text('variables', { mode: 'json' }).$type<Record<string, string>>(),
    status: text('status', {
      enum: ['pending', 'sending', 'sent', 'failed', 'invalid', 'not_on_whatsapp', 'opted_out', 'skipped'],
    }).notNull(),
    error: text('error'),
    messageId: text('message_id'),
    sentAt: integer('sent_at'),
  },
  (t) => [
    index('campaign_recipients_next_idx').on(t.campaignId, t.status, t.position),
    uniqueIndex('campaign_recipients_jid_idx').on(t.campaignId, t.jid),
  ],
);

/** Numbers that must never get campaign messages (replied STOP, or added by hand). */
export const optOuts = sqliteTable(
  'opt_outs',
  {
    sessionId: text('session_id').notNull(),
    jid: text('jid').notNull(),
    reason: text('reason', { enum: ['stop_reply', 'manual'] }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('opt_outs_idx').on(t.sessionId, t.jid)],
);
