/**
 * The durable side of events: every published event is a row (so the WebSocket stream can
 * resume from an id), and webhook deliveries are an outbox written in the same transaction as
 * the fact they announce.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './schema-people.js';

export const events = sqliteTable(
  'events',
  {
    /** `evt_…`, sortable by time: resume = `id > last seen`. */
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    sessionId: text('session_id'),
    timestamp: text('timestamp').notNull(),
    data: text('data').notNull(),
    /** Who caused it (`Actor` JSON, migration 0013); null for WhatsApp's own facts. */
    actor: text('actor'),
  },
  (t) => [index('events_session_idx').on(t.sessionId, t.id)],
);

export const webhooks = sqliteTable(
  'webhooks',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    /** Null: every session. */
    sessionId: text('session_id'),
    /** Null: every event type. */
    eventTypes: text('event_types', { mode: 'json' }).$type<string[]>(),
    /** Signing secret (Standard Webhooks `whsec_…`); never sent, only used to sign. */
    secret: text('secret').notNull(),
    headers: text('headers', { mode: 'json' }).$type<Record<string, string>>(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    /**
     * The person who created it (migration 0031): it receives only what they may read, and goes
     * with them. Null: created by a key or the desktop, filtered by its session and types only.
     */
    ownerUserId: text('owner_user_id').references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [index('webhooks_owner_idx').on(t.ownerUserId)],
);

export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    webhookId: text('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    /** Deliveries with the same key go out in order (one chat, or one session's app-wide events). */
    orderKey: text('order_key').notNull(),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Unix ms when the next attempt is due (pending only). */
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_order_idx').on(t.orderKey, t.id),
    // Only what is still to send: the worker's heads (MIN(id) per order key) and "next of this
    // chat" read this small index instead of every delivery kept for the list.
    index('webhook_deliveries_pending_idx')
      .on(t.orderKey, t.id)
      .where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_webhook_idx').on(t.webhookId, t.id),
  ],
);

export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: integer('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attemptedAt: integer('attempted_at').notNull(),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    error: text('error'),
    responseExcerpt: text('response_excerpt'),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId)],
);
