import type { Db } from '../db/connection.js';
import type { KeptHistory } from './kept-history.js';
import type { MediaStore } from './messages/media-store.js';

/**
 * What a deleted session leaves behind, table by table. Every table with a session column is
 * named here exactly once (session-purge.test.ts compares this with the live schema, so a new
 * table cannot be forgotten).
 *
 * HISTORY: what "keep chat history" keeps. The FTS index `messages_fts` follows `messages` by
 * its triggers (migration 0004), so deleting messages takes them out of search in the same
 * transaction.
 */
const HISTORY = [
  { table: 'messages', where: 'session_id = ?' },
  { table: 'message_reactions', where: 'session_id = ?' },
  { table: 'chats', where: 'session_id = ?' },
  { table: 'contacts', where: 'session_id = ?' },
  { table: 'contact_avatars', where: 'session_id = ?' },
  { table: 'groups', where: 'session_id = ?' },
  { table: 'group_participants', where: 'session_id = ?' },
  { table: 'calls', where: 'session_id = ?' },
  { table: 'chat_tags', where: 'session_id = ?' },
  { table: 'message_tags', where: 'session_id = ?' },
  { table: 'tag_history', where: 'session_id = ?' },
  { table: 'chat_notes', where: 'session_id = ?' },
  // Who said STOP: kept with the history, so a re-created number still honours it.
  { table: 'opt_outs', where: 'session_id = ?' },
] as const;

/**
 * SETUP: what the number was set up to do. Always removed, history kept or not: a deleted
 * number must not send a scheduled message or a campaign later, nor fire a webhook for a new
 * session that happens to get the same id.
 */
const SETUP = [
  { table: 'schedules', where: 'session_id = ?' },
  // campaign_recipients go with their campaign (foreign key, ON DELETE CASCADE).
  { table: 'campaigns', where: 'session_id = ?' },
  // Their deliveries and attempts go with them (ON DELETE CASCADE).
  { table: 'webhooks', where: 'session_id = ?' },
  // Remembered answers of sends with an Idempotency-Key (services/messages/send-service.ts).
  { table: 'idempotency_keys', where: "scope = 'send:' || ?" },
  // Per-session call handling (services/automation-settings.ts).
  { table: 'settings', where: "key = 'calls:' || ?" },
] as const;

/** Tables with a session column that this purge leaves alone, and why. */
export const NOT_PURGED_HERE: Readonly<Record<string, string>> = {
  sessions: 'the session row itself is deleted by SessionService.remove, after this purge',
  api_keys: 'ApiKeyService.removeSessionKeys removes them and closes their open event streams',
  wa_auth_creds: 'the WhatsApp login: removed by the session manager and by ON DELETE CASCADE',
  wa_auth_keys: 'the WhatsApp keys: removed by the session manager and by ON DELETE CASCADE',
  // The event log is the audit trail of what was announced (webhooks, the WebSocket stream):
  // those facts did happen and were already published, and the log prunes itself after 7 days
  // (EventRecorder.prune). Webhook deliveries still pending for earlier events of this session
  // go out in order to global webhooks, followed by `session.deleted`; those of the session's
  // own webhooks go with the webhook.
  events: 'the event log is an audit trail pruned by age, not by session',
};

/** Every table with per-session rows this purge deletes from (the test checks completeness). */
export const PURGED_TABLES: readonly string[] = [...HISTORY, ...SETUP].map((entry) => entry.table);

export interface PurgeResult {
  /** Rows deleted per table (tables with none are left out). */
  deleted: Record<string, number>;
  /** Media files no message or picture refers to any more; removed from disk by `removeFiles`. */
  unusedMedia: string[];
}

/**
 * Removes what belongs to one session. `run` must be called inside the caller's transaction,
 * so the session is removed completely or not at all; `removeFiles` runs after the commit.
 */
export class SessionPurge {
  private readonly afterPurge: ((sessionId: string) => void)[] = [];

  constructor(
    private readonly db: Db,
    private readonly files: MediaStore,
    private readonly kept: KeptHistory,
  ) {}

  /** A new session with this id takes back the history kept for the id: it shows again. */
  adoptKeptHistory(sessionId: string): void {
    this.kept.release(sessionId);
  }

  /** Runs inside the purge's transaction, after the deletes (e.g. cached webhooks are dropped). */
  onPurged(listener: (sessionId: string) => void): void {
    this.afterPurge.push(listener);
  }

  /**
   * Deletes the session's rows. One DELETE per table: better-sqlite3 is synchronous, so
   * splitting a table into batches inside one transaction would block the event loop just as
   * long. Measured: ~0.9–1.3 s for 100,000 messages (2 vCPUs), two thirds of it the FTS delete
   * trigger; the media check after it is one pass over the remaining messages (~40 ms per 100k).
   */
  run(sessionId: string, options: { keepHistory: boolean }): PurgeResult {
    const sqlite = this.db.$client;
    const deleted: Record<string, number> = {};
    const remove = (table: string, where: string) => {
      const changes = sqlite.prepare(`DELETE FROM "${table}" WHERE ${where}`).run(sessionId).changes;
      if (changes > 0) deleted[table] = changes;
    };
    let unusedMedia: string[] = [];
    if (options.keepHistory) {
      this.kept.keep(sessionId);
    } else {
      const candidates = this.mediaOf(sessionId);
      for (const { table, where } of HISTORY) remove(table, where);
      unusedMedia = this.unreferenced(candidates);
      this.forgetMediaRows(unusedMedia);
    }
    for (const { table, where } of SETUP) remove(table, where);
    for (const listener of this.afterPurge) listener(sessionId);
    return { deleted, unusedMedia };
  }

  /**
   * Deletes the files of media nothing refers to any more. Call right after the commit, in the
   * same tick: storing media (MediaStore.save, then the message's reference) is synchronous
   * too, so no new reference can appear between the check and the delete.
   */
  removeFiles(result: PurgeResult): void {
    this.files.remove(result.unusedMedia);
  }

  /** Media files (content hashes) the session's messages and profile pictures use. */
  private mediaOf(sessionId: string): string[] {
    const rows = this.db.$client
      .prepare<[string, string], { sha256: string }>(
        `SELECT json_extract(media, '$.sha256') AS sha256 FROM messages
          WHERE session_id = ? AND json_extract(media, '$.sha256') IS NOT NULL
         UNION
         SELECT sha256 FROM contact_avatars WHERE session_id = ? AND sha256 IS NOT NULL`,
      )
      .all(sessionId, sessionId);
    return rows.map((row) => row.sha256);
  }

  /**
   * Which of `candidates` no remaining message or picture uses (the same file can belong to
   * several sessions: content-addressed). One pass over the remaining messages that have media;
   * skipped when the session had no media at all.
   */
  private unreferenced(candidates: string[]): string[] {
    if (candidates.length === 0) return [];
    const list = JSON.stringify(candidates);
    const stillUsed = new Set(
      this.db.$client
        .prepare<[string, string], { sha256: string }>(
          `SELECT json_extract(media, '$.sha256') AS sha256 FROM messages
            WHERE media IS NOT NULL AND json_extract(media, '$.sha256') IN (SELECT value FROM json_each(?))
           UNION
           SELECT sha256 FROM contact_avatars WHERE sha256 IN (SELECT value FROM json_each(?))`,
        )
        .all(list, list)
        .map((row) => row.sha256),
    );
    return candidates.filter((sha256) => !stillUsed.has(sha256));
  }

  private forgetMediaRows(sha256s: string[]): void {
    if (sha256s.length === 0) return;
    this.db.$client
      .prepare('DELETE FROM media_files WHERE sha256 IN (SELECT value FROM json_each(?))')
      .run(JSON.stringify(sha256s));
  }
}
