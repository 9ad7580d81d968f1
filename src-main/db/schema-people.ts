/**
 * Staff accounts (migration 0013_people.sql, hand-written): people and their roles, teams,
 * per-number permissions, browser sign-in sessions and the audit log. Personal tokens are rows
 * of `api_keys` with a `user_id` (schema.ts).
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const nowIso = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const USER_ROLES = ['owner', 'admin', 'agent'] as const;
export const READ_LEVELS = ['all', 'assigned', 'none'] as const;

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** The sign-in name as typed; `login_key` is its case-folded form, unique. */
    login: text('login').notNull(),
    loginKey: text('login_key').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    /** scrypt hash (services/people/passwords.ts); null until the person sets one. */
    passwordHash: text('password_hash'),
    /** The desktop switcher's PIN, hashed the same way. */
    pinHash: text('pin_hash'),
    language: text('language'),
    /** A one-time invite/reset code (hashed) and when it stops working. */
    setupCodeHash: text('setup_code_hash'),
    setupCodeExpiresAt: text('setup_code_expires_at'),
    passwordChangedAt: text('password_changed_at'),
    /** Available for new chats, or away (migration 0021; routing skips people who are away). */
    available: integer('available', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull().default(nowIso),
    updatedAt: text('updated_at').notNull().default(nowIso),
  },
  (t) => [uniqueIndex('users_login_key_unique').on(t.loginKey)],
);

export type UserRow = typeof users.$inferSelect;

export const teams = sqliteTable(
  'teams',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    createdAt: text('created_at').notNull().default(nowIso),
  },
  (t) => [uniqueIndex('teams_name_key_unique').on(t.nameKey)],
);

export const teamMembers = sqliteTable(
  'team_members',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user_idx').on(t.userId)],
);

/**
 * Who may do what on one number: a row for a person or for a team (exactly one of the two; a
 * deleted person or team takes its rows with it). A person's rights are the union of their own
 * row and their teams' rows.
 */
export const sessionPermissions = sqliteTable(
  'session_permissions',
  {
    sessionId: text('session_id').notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    teamId: text('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    read: text('read', { enum: READ_LEVELS }).notNull(),
    write: integer('write', { mode: 'boolean' }).notNull().default(false),
    canUseTags: integer('can_use_tags', { mode: 'boolean' }).notNull().default(false),
    canManageSavedReplies: integer('can_manage_saved_replies', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('session_permissions_user_unique')
      .on(t.sessionId, t.userId)
      .where(sql`${t.userId} IS NOT NULL`),
    uniqueIndex('session_permissions_team_unique')
      .on(t.sessionId, t.teamId)
      .where(sql`${t.teamId} IS NOT NULL`),
    index('session_permissions_user_idx').on(t.userId),
    index('session_permissions_team_idx').on(t.teamId),
  ],
);

/** A browser signed in as a person: the cookie's token is stored hashed. */
export const signInSessions = sqliteTable(
  'sign_in_sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    /** The double-submit CSRF token of this sign-in (not secret from its own browser). */
    csrfToken: text('csrf_token').notNull(),
    userAgent: text('user_agent'),
    address: text('address'),
    createdAt: text('created_at').notNull().default(nowIso),
    /** Unix ms of the last request; idle expiry counts from it. */
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [
    uniqueIndex('sign_in_sessions_token_unique').on(t.tokenHash),
    index('sign_in_sessions_user_idx').on(t.userId),
  ],
);

export type SignInSessionRow = typeof signInSessions.$inferSelect;

/** Who did what sensitive thing, kept for the configured time (services/audit/). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Unix ms. */
    at: integer('at').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
    address: text('address'),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_action_at_idx').on(t.action, t.at)],
);

export type AuditRow = typeof auditLog.$inferSelect;
