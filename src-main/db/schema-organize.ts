/**
 * Organising conversations: tags on chats and messages (with their history), saved replies
 * and private chat notes.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const tags = sqliteTable(
  'tags',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** `#rrggbb`. */
    color: text('color').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('tags_name_idx').on(sql`lower(${t.name})`)],
);

export const chatTags = sqliteTable(
  'chat_tags',
  {
    sessionId: text('session_id').notNull(),
    chatJid: text('chat_jid').notNull(),
    tagId: text('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    /** Who tagged: `admin`, `key:<name>`, `session:<id>`, `desktop`, or a user. */
    addedBy: text('added_by').notNull(),
    addedAt: integer('added_at').notNull(),
    extra: text('extra', { mode: 'json' }).$type<Record<string, unknown>>(),
    /**
     * The chat's list order key (`coalesce(last_message_at, 0)`), copied by triggers (migration
     * 0011) so a tag's chats are walked in list order from these indexes alone.
     */
    chatOrderAt: integer('chat_order_at').notNull().default(0),
    /**
     * Whether the chat is unread (`unread_count > 0`), copied by triggers (migration 0053) so
     * "unread + a tag" walks the taggings of unread chats alone (the two partial indexes below).
     */
    chatUnread: integer('chat_unread').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.chatJid, t.tagId] }),
    index('chat_tags_order_idx').on(t.tagId, t.chatOrderAt, t.sessionId, t.chatJid),
    index('chat_tags_session_order_idx').on(t.tagId, t.sessionId, t.chatOrderAt, t.chatJid),
    index('chat_tags_unread_order_idx')
      .on(t.tagId, t.chatOrderAt, t.sessionId, t.chatJid)
      .where(sql`${t.chatUnread} = 1`),
    index('chat_tags_unread_session_order_idx')
      .on(t.tagId, t.sessionId, t.chatOrderAt, t.chatJid)
      .where(sql`${t.chatUnread} = 1`),
  ],
);

export const messageTags = sqliteTable(
  'message_tags',
  {
    sessionId: text('session_id').notNull(),
    chatJid: text('chat_jid').notNull(),
    messageId: text('message_id').notNull(),
    tagId: text('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    addedBy: text('added_by').notNull(),
    addedAt: integer('added_at').notNull(),
    extra: text('extra', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.chatJid, t.messageId, t.tagId] }),
    index('message_tags_tag_idx').on(t.tagId),
  ],
);

/** Every tag added or removed, kept after the tag itself is deleted. */
export const tagHistory = sqliteTable(
  'tag_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tagId: text('tag_id').notNull(),
    tagName: text('tag_name').notNull(),
    sessionId: text('session_id').notNull(),
    chatJid: text('chat_jid').notNull(),
    messageId: text('message_id'),
    action: text('action', { enum: ['added', 'removed'] }).notNull(),
    actor: text('actor').notNull(),
    at: integer('at').notNull(),
    extra: text('extra', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('tag_history_chat_idx').on(t.sessionId, t.chatJid, t.id)],
);

export const savedReplies = sqliteTable(
  'saved_replies',
  {
    id: text('id').primaryKey(),
    /** Typed after `/` in the composer, e.g. `hours`. */
    shortcut: text('shortcut').notNull(),
    title: text('title').notNull(),
    /** May contain placeholders such as `[name]`. */
    text: text('text').notNull(),
    media: text('media', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('saved_replies_shortcut_idx').on(sql`lower(${t.shortcut})`)],
);

/** Private notes on a chat, for staff only; never sent to WhatsApp. */
export const chatNotes = sqliteTable(
  'chat_notes',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id').notNull(),
    chatJid: text('chat_jid').notNull(),
    text: text('text').notNull(),
    author: text('author').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('chat_notes_chat_idx').on(t.sessionId, t.chatJid, t.createdAt)],
);

/**
 * A tag synced with a WhatsApp Business label on one number (migration 0042): the label's id on
 * that number and what WhatsApp last had (name, colour index), so a change made here that has
 * not reached WhatsApp yet is seen when the phone's own change arrives (a conflict: the later
 * change wins, services/organize/labels/).
 */
export const tagLabels = sqliteTable(
  'tag_labels',
  {
    tagId: text('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    sessionId: text('session_id').notNull(),
    labelId: text('label_id').notNull(),
    syncedName: text('synced_name').notNull(),
    /** Index into WhatsApp's 20 label colours. */
    syncedColor: integer('synced_color').notNull(),
    linkedAt: integer('linked_at').notNull(),
    /** A pending rename/recolour WhatsApp refused: how often (migration 0055). */
    editAttempts: integer('edit_attempts').notNull().default(0),
    /** When that rename/recolour may be tried again; null: now. */
    editRetryAt: integer('edit_retry_at'),
    /** 1: refused on every try and given up; not sent again until the tag changes. */
    editGivenUp: integer('edit_given_up').notNull().default(0),
    /** The name and colour (index) those refusals were of: another one has fresh tries. */
    editName: text('edit_name'),
    editColor: integer('edit_color'),
  },
  (t) => [
    primaryKey({ columns: [t.tagId, t.sessionId] }),
    uniqueIndex('tag_labels_label_idx').on(t.sessionId, t.labelId),
  ],
);

/** What label sync did to a tag (created, renamed, recoloured, deleted, linked, unlinked), both ways. */
export const tagLabelHistory = sqliteTable(
  'tag_label_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tagId: text('tag_id').notNull(),
    tagName: text('tag_name').notNull(),
    sessionId: text('session_id').notNull(),
    labelId: text('label_id').notNull(),
    /** `whatsapp` (arrived from the number) or `chatdock` (pushed to it). */
    origin: text('origin', { enum: ['whatsapp', 'chatdock'] }).notNull(),
    change: text('change').notNull(),
    before: text('before', { mode: 'json' }).$type<Record<string, unknown>>(),
    after: text('after', { mode: 'json' }).$type<Record<string, unknown>>(),
    /** 1 when the change overwrote one made on the other side that had not reached it. */
    conflict: integer('conflict').notNull().default(0),
    actor: text('actor').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('tag_label_history_tag_idx').on(t.tagId, t.id)],
);

/**
 * Label changes made here that WhatsApp has not got yet (migration 0051): a label put on or taken
 * off a chat or message (`label` / `unlabel`), or a synced tag deleted (`delete`, with the name
 * and colour WhatsApp last had), while the number was offline or the send failed. One row per
 * label and chat/message: a later change replaces it (a new id). Sent, in id order, once the
 * number's reconnect has synced WhatsApp's app-state (services/organize/labels/label-outbox.ts).
 * A rename or recolour needs no row: `tag_labels` already tells it (the tag ≠ synced_*).
 */
export const labelOutbox = sqliteTable(
  'label_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: text('session_id').notNull(),
    labelId: text('label_id').notNull(),
    /** '' for a label deletion. */
    chatJid: text('chat_jid').notNull().default(''),
    /** '' unless the label is on one message. */
    messageId: text('message_id').notNull().default(''),
    action: text('action', { enum: ['label', 'unlabel', 'delete'] }).notNull(),
    name: text('name'),
    color: integer('color'),
    at: integer('at').notNull(),
    /** How often WhatsApp refused it (migration 0055; counted with the refusal). */
    attempts: integer('attempts').notNull().default(0),
    /** When it may be tried again; null: now. */
    retryAt: integer('retry_at'),
  },
  (t) => [uniqueIndex('label_outbox_key_idx').on(t.sessionId, t.labelId, t.chatJid, t.messageId)],
);
