/**
 * Status updates (stories) of a number (migration 0041, issue #19): the contacts' posts it
 * received and its own posts. WhatsApp keeps a Status for 24 hours; so do we (`expires_at`,
 * swept hourly by `StatusService.sweep`, services/status/status-service.ts).
 */
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const statusUpdates = sqliteTable(
  'status_updates',
  {
    sessionId: text('session_id').notNull(),
    /** The WhatsApp message id of the post. */
    id: text('id').notNull(),
    /** Who posted it (phone-number JID); our own number for our posts. */
    posterJid: text('poster_jid').notNull(),
    /** The poster's push name when it arrived. */
    posterName: text('poster_name'),
    fromMe: integer('from_me').notNull(),
    /** `text`, `image` or `video`. */
    kind: text('kind').notNull(),
    /** The text of a text Status, the caption of a photo or video. */
    text: text('text'),
    /** `#RRGGBB`, for a text Status. */
    backgroundColor: text('background_color'),
    font: integer('font'),
    mimetype: text('mimetype'),
    /** The media bytes in the media store, once downloaded (or sent). */
    mediaSha256: text('media_sha256'),
    mediaSize: integer('media_size'),
    /** For our own posts: who it was sent to (JSON array of JIDs). */
    audience: text('audience'),
    /** Unix ms. */
    postedAt: integer('posted_at').notNull(),
    /** Unix ms: posted_at + 24 h; the row is deleted after it. */
    expiresAt: integer('expires_at').notNull(),
    /** Unix ms when this number saw it (a read receipt went to the poster); null: not seen. */
    seenAt: integer('seen_at'),
    /** The raw WebMessageInfo (media download, the quote of a reply). */
    raw: blob('raw', { mode: 'buffer' }),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.id] }),
    index('status_updates_posted_idx').on(t.sessionId, t.postedAt),
    index('status_updates_expiry_idx').on(t.expiresAt),
  ],
);
