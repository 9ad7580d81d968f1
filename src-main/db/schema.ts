/**
 * The drizzle schema: the one description of every table. Migrations are generated from it
 * with `npm run db:generate` and committed; they are append-only.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { SESSION_REASONS, SESSION_STATUSES } from '../../src-shared/model.js';
import type { WidgetSettings } from '../../src-shared/widget.js';

const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/** Key/value settings, values JSON-encoded. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
});

/**
 * API keys, stored as SHA-256 hashes (keys are 256-bit random, so a fast hash is enough;
 * user passwords get a slow hash elsewhere). `prefix` finds the row; the hash is compared
 * in constant time.
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['admin', 'session', 'named', 'token'] }).notNull(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    hash: text('hash').notNull(),
    sessionId: text('session_id'),
    scopes: text('scopes', { mode: 'json' }).$type<string[]>(),
    createdAt: createdAt(),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
    /** A personal token: acts as this person (migration 0013); null for other keys. */
    userId: text('user_id'),
    /** When a token stops working (short-lived tokens from POST /auth/token); null: never. */
    expiresAt: text('expires_at'),
  },
  (table) => [
    uniqueIndex('api_keys_hash_unique').on(table.hash),
    index('api_keys_prefix_idx').on(table.prefix),
    index('api_keys_user_idx')
      .on(table.userId)
      .where(sql`${table.userId} IS NOT NULL`),
  ],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/**
 * Click-to-chat website widgets. The editable settings are one validated JSON document
 * (src-shared/widget.ts), read and written whole; only the id is looked up.
 */
export const widgets = sqliteTable('widgets', {
  id: text('id').primaryKey(),
  settings: text('settings', { mode: 'json' }).notNull().$type<WidgetSettings>(),
  createdAt: createdAt(),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
});

export type WidgetRow = typeof widgets.$inferSelect;

/** One linked WhatsApp number. Status is persisted so a restart knows what to reconnect. */
export const sessions = sqliteTable('sessions', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  status: text('status', { enum: SESSION_STATUSES }).notNull().default('disconnected'),
  statusReason: text('status_reason', { enum: SESSION_REASONS }).notNull().default('created'),
  statusChangedAt: text('status_changed_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  /** Reconnect this session when Chatdock starts (it was connected, or connecting, when it stopped). */
  autoConnect: integer('auto_connect', { mode: 'boolean' }).notNull().default(false),
  phone: text('phone'),
  pushName: text('push_name'),
  meJid: text('me_jid'),
  meLid: text('me_lid'),
  createdAt: createdAt(),
});

export type SessionRow = typeof sessions.$inferSelect;

/**
 * Baileys' authentication credentials for a session, serialised with Baileys' BufferJSON.
 * Written in a transaction on every creds.update; removed on logout.
 */
export const waAuthCreds = sqliteTable('wa_auth_creds', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  creds: text('creds').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Baileys' signal keys (pre-keys, sessions, sender keys, app-state keys, LID mappings…). */
export const waAuthKeys = sqliteTable(
  'wa_auth_keys',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    keyId: text('key_id').notNull(),
    value: text('value').notNull(),
  },
  (table) => [primaryKey({ columns: [table.sessionId, table.type, table.keyId] })],
);

/**
 * Incoming WhatsApp messages the app stored, by id (wa/received-messages.ts): written with the
 * message before its receipt goes out, so one delivered again after a crash is only receipted.
 */
export const waReceivedMessages = sqliteTable(
  'wa_received_messages',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    chatJid: text('chat_jid').notNull(),
    messageId: text('message_id').notNull(),
    /** Unix milliseconds. */
    receivedAt: integer('received_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.sessionId, table.chatJid, table.messageId] }),
    index('wa_received_messages_time_idx').on(table.receivedAt),
  ],
);

export * from './schema-events.js';
export * from './schema-messaging.js';
export * from './schema-organize.js';
export * from './schema-people.js';
export * from './schema-schedule.js';
export * from './schema-automation.js';
export * from './schema-assignment.js';
export * from './schema-usage.js';
export * from './schema-reports.js';
export * from './schema-media-library.js';
export * from './schema-paced-sends.js';
export * from './schema-channels.js';
export * from './schema-status.js';
