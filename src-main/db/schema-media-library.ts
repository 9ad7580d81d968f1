/**
 * The media library (migration 0030, issue #26 point 6): uploads kept for sending by id. The
 * bytes are in the content-addressed media store (`media_files`); see services/media-library/.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const mediaLibrary = sqliteTable(
  'media_library',
  {
    rowId: integer('row_id').primaryKey({ autoIncrement: true }),
    /** `med_…`, what callers see. */
    id: text('id').notNull(),
    /** The number it belongs to, or null when any number may send it. */
    sessionId: text('session_id'),
    /** image, video, audio, document or sticker: what it was checked as at upload. */
    type: text('type').notNull(),
    sha256: text('sha256').notNull(),
    mimetype: text('mimetype').notNull(),
    size: integer('size').notNull(),
    fileName: text('file_name'),
    /** Unix ms. */
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [
    uniqueIndex('media_library_id_idx').on(t.id),
    index('media_library_session_idx').on(t.sessionId, t.rowId),
    index('media_library_expires_idx').on(t.expiresAt),
    index('media_library_sha256_idx').on(t.sha256),
  ],
);
