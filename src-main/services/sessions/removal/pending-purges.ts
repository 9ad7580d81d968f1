import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../../db/connection.js';
import { InternalSettings } from '../../settings/internal-settings.js';

/** The settings row (an internal value, not a user setting) listing the purges still running. */
const SETTINGS_KEY = 'sessions:pending-purge';
/** Media files the purged rows used, one settings row per batch: `<prefix><session>:<uuid>`. */
const MEDIA_PREFIX = 'sessions:purge-media:';

/** Messages of a deleted session id that are still being removed in the background. */
export interface PendingPurge {
  sessionId: string;
  /**
   * The highest message row id when the session was deleted. Row ids only grow (AUTOINCREMENT),
   * so a session created again with the same id stores its messages above it: they are neither
   * hidden nor removed.
   */
  throughRowId: number;
  /** When the session was deleted (ISO time), for the log. */
  since: string;
}

/**
 * What the background removal of deleted sessions' messages still has to do, in the database,
 * so a purge interrupted by a stop or a crash continues at the next start (no migration: settings
 * rows, see services/internal-settings.ts).
 */
export class PendingPurges {
  private readonly settings: InternalSettings;
  private readonly selectMedia: Statement<[string, string], { value: string }>;
  private readonly removeMedia: Statement<[string, string]>;

  constructor(db: Db) {
    const sqlite = db.$client;
    this.settings = new InternalSettings(db);
    // A key range rather than LIKE: "_" in a session id would be a LIKE wildcard. ";" sorts
    // right after ":", so the range holds exactly this session's rows (a walk of the key index).
    this.selectMedia = sqlite.prepare('SELECT value FROM settings WHERE key > ? AND key < ?');
    this.removeMedia = sqlite.prepare('DELETE FROM settings WHERE key > ? AND key < ?');
  }

  list(): PendingPurge[] {
    return this.settings.read<PendingPurge[]>(SETTINGS_KEY) ?? [];
  }

  /**
   * Adds a purge. Deleting an id again while its earlier purge still runs (it was created again
   * meanwhile) raises that purge's bound: one purge per id, covering both.
   */
  add(sessionId: string, throughRowId: number): void {
    const purges = this.list();
    const existing = purges.find((purge) => purge.sessionId === sessionId);
    if (existing) existing.throughRowId = Math.max(existing.throughRowId, throughRowId);
    else purges.push({ sessionId, throughRowId, since: new Date().toISOString() });
    this.write(purges);
  }

  /** The purge of this id is done: its rows stop being hidden, its media list goes. */
  finish(sessionId: string): void {
    this.write(this.list().filter((purge) => purge.sessionId !== sessionId));
    this.removeMedia.run(...mediaRange(sessionId));
  }

  /** Remembers media files removed rows used, to check once the purge is done. */
  addMedia(sessionId: string, sha256s: readonly string[]): void {
    if (sha256s.length === 0) return;
    this.settings.write(`${MEDIA_PREFIX}${sessionId}:${randomUUID()}`, [...new Set(sha256s)]);
  }

  /** Every media file remembered for this id's purge (deduplicated). */
  media(sessionId: string): string[] {
    const all = this.selectMedia
      .all(...mediaRange(sessionId))
      .flatMap((row) => JSON.parse(row.value) as string[]);
    return [...new Set(all)];
  }

  private write(purges: PendingPurge[]): void {
    if (purges.length === 0) this.settings.delete(SETTINGS_KEY);
    else this.settings.write(SETTINGS_KEY, purges);
  }
}

function mediaRange(sessionId: string): [string, string] {
  return [`${MEDIA_PREFIX}${sessionId}:`, `${MEDIA_PREFIX}${sessionId};`];
}
