/**
 * The drizzle schema: the one description of every table. Migrations are generated from it
 * with `npm run db:generate` and committed; they are append-only.
 */
import { sql } from 'drizzle-orm';
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
    kind: text('kind', { enum: ['admin', 'session', 'named'] }).notNull(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    hash: text('hash').notNull(),
    sessionId: text('session_id'),
    scopes: text('scopes', { mode: 'json' }).$type<string[]>(),
    createdAt: createdAt(),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
  },
  (table) => [
    uniqueIndex('api_keys_hash_unique').on(table.hash),
    index('api_keys_prefix_idx').on(table.prefix),
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
