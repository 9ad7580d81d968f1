/**
 * Usage per API key, session key and personal token (migration 0029, issue #26 point 3): counted
 * in memory by services/access/key-usage.ts and written in batches.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const apiKeyUsage = sqliteTable(
  'api_key_usage',
  {
    keyId: text('key_id').notNull(),
    /** The UTC day, `YYYY-MM-DD`. */
    day: text('day').notNull(),
    /** read, send, write, delete or admin (api/usage-kind.ts). */
    kind: text('kind').notNull(),
    requests: integer('requests').notNull().default(0),
    clientErrors: integer('client_errors').notNull().default(0),
    serverErrors: integer('server_errors').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.day, t.kind] }), index('api_key_usage_day_idx').on(t.day)],
);

export const apiKeyLastUse = sqliteTable('api_key_last_use', {
  keyId: text('key_id').primaryKey(),
  /** Unix ms. */
  at: integer('at').notNull(),
  address: text('address'),
});
