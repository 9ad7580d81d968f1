import { randomBytes } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import {
  DEFAULT_MEDIA_TTL_SECONDS,
  type MediaItem,
  type MediaKind,
  type MediaList,
  type MediaUploadInput,
} from '../../../src-shared/contract/media-library.js';
import { SYSTEM_ACTOR, type Actor } from '../../../src-shared/contract/people.js';
import { AppError } from '../../../src-shared/errors.js';
import type { Db } from '../../db/connection.js';
import type { EventRecorder } from '../events/event-recorder.js';
import { checkMedia, decodeMediaData, kindOfMimetype } from '../messages/media-input.js';
import type { MediaStore } from '../messages/media-store.js';
import type { UnusedMedia } from '../sessions/removal/unused-media.js';

interface Row {
  row_id: number;
  id: string;
  session_id: string | null;
  type: MediaKind;
  sha256: string;
  mimetype: string;
  size: number;
  file_name: string | null;
  created_at: number;
  expires_at: number;
}

export interface MediaLibraryDeps {
  db: Db;
  files: MediaStore;
  unused: UnusedMedia;
  events: EventRecorder;
  /** Throws NOT_FOUND for a number that does not exist. */
  assertSession: (sessionId: string) => void;
  now?: () => number;
}

/** How many expired uploads one sweep removes (the next hourly sweep takes the rest). */
const SWEEP_BATCH = 500;

function toItem(row: Row): MediaItem {
  return {
    id: row.id,
    session: row.session_id,
    type: row.type,
    mimetype: row.mimetype,
    size: row.size,
    fileName: row.file_name,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

/**
 * The media library: a file is checked once at upload (WhatsApp's limits for its kind, as a
 * send would), stored in the content-addressed media store beside received media, and sent by
 * id until it expires or is deleted. A file of a number is sent by that number only and goes
 * with it (session purge); a file without a number is shared.
 */
export class MediaLibrary {
  private readonly byId: Statement<[string], Row>;
  private readonly now: () => number;

  constructor(private readonly deps: MediaLibraryDeps) {
    this.now = deps.now ?? Date.now;
    this.byId = deps.db.$client.prepare<[string], Row>('SELECT * FROM media_library WHERE id = ?');
  }

  upload(input: MediaUploadInput, actor: Actor = SYSTEM_ACTOR): MediaItem {
    if (input.session) this.deps.assertSession(input.session);
    const { bytes, declared } = decodeMediaData(input.data, 'data');
    const claimed = input.mimetype ?? declared;
    const type = input.type ?? kindOfMimetype(claimed);
    const mimetype = checkMedia(type, bytes, claimed, 'data');
    const createdAt = this.now();
    const ttl = input.ttlSeconds ?? DEFAULT_MEDIA_TTL_SECONDS;
    const id = `med_${randomBytes(12).toString('base64url')}`;
    const item = this.deps.events.transaction(() => {
      // The file first (renamed into place), then the row naming it, in the same tick as the
      // unused-file check of a delete (UnusedMedia.removeFiles), so no sweep can lose it.
      const saved = this.deps.files.save(bytes, mimetype);
      this.deps.db.$client
        .prepare(
          `INSERT INTO media_library (id, session_id, type, sha256, mimetype, size, file_name, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          input.session ?? null,
          type,
          saved.sha256,
          mimetype,
          saved.size,
          input.fileName ?? null,
          createdAt,
          createdAt + ttl * 1000,
        );
      const stored = toItem(this.byId.get(id)!);
      this.deps.events.record('media.uploaded', stored.session, stored, actor);
      return stored;
    });
    return item;
  }

  /** Newest first; `sessions` limits the list to what the caller may read (null: everything). */
  list(
    query: { session?: string; limit: number; cursor?: string },
    sessions: ReadonlySet<string> | null = null,
  ): MediaList {
    const before = query.cursor ? Number(query.cursor) : Number.MAX_SAFE_INTEGER;
    const rows = this.deps.db.$client
      .prepare<[number, string | null, string | null, number, number], Row>(
        `SELECT * FROM media_library
          WHERE row_id < ? AND (? IS NULL OR session_id = ?) AND expires_at > ?
          ORDER BY row_id DESC LIMIT ?`,
      )
      .all(before, query.session ?? null, query.session ?? null, this.now(), query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page
        .filter((row) => sessions === null || row.session_id === null || sessions.has(row.session_id))
        .map(toItem),
      next: rows.length > query.limit && last ? String(last.row_id) : null,
    };
  }

  /** An upload that has not expired, or NOT_FOUND naming `field`. */
  get(id: string, field = 'id'): MediaItem {
    return toItem(this.row(id, field));
  }

  delete(id: string, actor: Actor = SYSTEM_ACTOR): void {
    const row = this.row(id, 'id');
    this.remove([row], 'deleted', actor);
  }

  /**
   * The bytes of an upload for a send by `sessionId` (the LibraryLookup of media-input.ts): an
   * upload of another number is "not found", as an expired one.
   */
  fileOf(id: string, sessionId: string | undefined, field: string) {
    const row = this.row(id, field);
    if (row.session_id !== null && row.session_id !== sessionId) {
      throw new AppError('NOT_FOUND', `${field}: no media "${id}" for this number`, field);
    }
    const bytes = this.deps.files.read(row.sha256);
    if (!bytes) throw new AppError('NOT_FOUND', `${field}: the file of "${id}" is gone`, field);
    return { bytes, mimetype: row.mimetype, fileName: row.file_name };
  }

  /** Removes uploads whose time is up (the hourly prune); returns how many. */
  sweep(): number {
    const expired = this.deps.db.$client
      .prepare<[number, number], Row>('SELECT * FROM media_library WHERE expires_at <= ? LIMIT ?')
      .all(this.now(), SWEEP_BATCH);
    if (expired.length > 0) this.remove(expired, 'expired', SYSTEM_ACTOR);
    return expired.length;
  }

  private row(id: string, field: string): Row {
    const row = this.byId.get(id);
    if (!row || row.expires_at <= this.now()) {
      throw new AppError('NOT_FOUND', `${field}: no media "${id}" (deleted or expired?)`, field);
    }
    return row;
  }

  /** Deletes the rows, then the files nothing else uses (a sent message keeps its copy). */
  private remove(rows: readonly Row[], reason: 'deleted' | 'expired', actor: Actor): void {
    const sqlite = this.deps.db.$client;
    const unused = this.deps.events.transaction(() => {
      const drop = sqlite.prepare<[number]>('DELETE FROM media_library WHERE row_id = ?');
      for (const row of rows) {
        drop.run(row.row_id);
        this.deps.events.record('media.deleted', row.session_id, { id: row.id, reason }, actor);
      }
      return this.deps.unused.forgetUnreferenced([...new Set(rows.map((row) => row.sha256))]);
    });
    // Same tick as the commit: see UnusedMedia.removeFiles.
    if (unused.length > 0) this.deps.unused.removeFiles(unused);
  }
}
