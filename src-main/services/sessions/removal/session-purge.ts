import type { Db } from '../../../db/connection.js';
import type { HistoryRemoval } from './history-removal.js';
import type { KeptHistory } from './kept-history.js';
import type { PendingPurges } from './pending-purges.js';
import type { UnusedMedia } from './unused-media.js';

/**
 * What a deleted session leaves behind, table by table. Every table with a session column is
 * named here exactly once (session-purge.test.ts compares this with the live schema, so a new
 * table cannot be forgotten).
 *
 * HISTORY: what "keep chat history" keeps. Deleted at once, in the delete's transaction: their
 * size follows chats, contacts or what people did by hand, not the number of messages.
 * Reactions are the largest of them: no trigger, a walk of their primary key, ~75 ms per 100k
 * (they are a few per hundred messages, so ~40 ms for a session of a million messages).
 */
const HISTORY = [
  { table: 'message_reactions', where: 'session_id = ?' },
  // The chat list's name index (migration 0011) goes with the chats, set by set (no trigger
  // does it: a row trigger on chats would make their DELETE 3× slower).
  { table: 'chat_names_fts', where: 'rowid IN (SELECT id FROM chat_search_keys WHERE session_id = ?)' },
  { table: 'chat_search_keys', where: 'session_id = ?' },
  { table: 'chats', where: 'session_id = ?' },
  // The inbox views' counters (migration 0027): the chats' delete trigger brings them to zero;
  // their rows go too.
  { table: 'chat_view_counts', where: 'session_id = ?' },
  { table: 'contacts', where: 'session_id = ?' },
  { table: 'contact_avatars', where: 'session_id = ?' },
  { table: 'groups', where: 'session_id = ?' },
  { table: 'group_participants', where: 'session_id = ?' },
  { table: 'group_join_requests', where: 'session_id = ?' },
  // The channels it follows or owns and their posts' counts (migration 0043).
  { table: 'channels', where: 'session_id = ?' },
  { table: 'channel_posts', where: 'session_id = ?' },
  { table: 'calls', where: 'session_id = ?' },
  { table: 'chat_tags', where: 'session_id = ?' },
  { table: 'message_tags', where: 'session_id = ?' },
  { table: 'tag_history', where: 'session_id = ?' },
  // What syncing a tag with this number's WhatsApp Business labels did (migration 0042).
  { table: 'tag_label_history', where: 'session_id = ?' },
  { table: 'chat_notes', where: 'session_id = ?' },
  // Who said STOP: kept with the history, so a re-created number still honours it.
  { table: 'opt_outs', where: 'session_id = ?' },
  // Which messages automation sent, under which rule ("Automation: <rule>"): part of the history.
  { table: 'automation_replies', where: 'session_id = ?' },
  // Who had each chat and when it was resolved, and each person's "read for me" mark: part of the
  // chats' history (services/assignment/).
  { table: 'chat_assignment_history', where: 'session_id = ?' },
  { table: 'chat_reads', where: 'session_id = ?' },
  // Reports' kept conversations, message counts and the chats marked to fold again (migrations
  // 0028, 0032): folded from the history above, so they go with it; the first two name a chat by
  // its key (migration 0057), which goes after them.
  { table: 'report_conversations', where: 'chat IN (SELECT id FROM report_chats WHERE session_id = ?)' },
  { table: 'report_message_counts', where: 'chat IN (SELECT id FROM report_chats WHERE session_id = ?)' },
  { table: 'report_chats', where: 'session_id = ?' },
  { table: 'report_day_counts', where: 'session_id = ?' },
  { table: 'report_quarter_totals', where: 'session_id = ?' },
  { table: 'report_dirty_chats', where: 'session_id = ?' },
  // Their sums per day (migration 0046; the days they were marked on are rebuilt for the rest).
  { table: 'report_conversation_days', where: 'session_id = ?' },
  { table: 'report_tagged_day_counts', where: 'session_id = ?' },
  { table: 'report_day_quarters', where: 'session_id = ?' },
  { table: 'report_hours_folded', where: 'session_id = ?' },
] as const;

/**
 * Kept with the history too, but removed in the background in batches (services/sessions/removal/history-removal.ts):
 * a million messages take ~10 s to delete, two thirds of it the FTS delete trigger of
 * `messages_fts`. Hidden from every read at once (services/hidden-history.ts).
 */
const LARGE_HISTORY = ['messages'] as const;

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
  // Remembered answers of requests with an Idempotency-Key (services/idempotency.ts): sends,
  // schedules and campaigns of the session.
  {
    table: 'idempotency_keys',
    where: "scope IN (SELECT column1 || ? FROM (VALUES ('send:'), ('schedule:'), ('campaign:')))",
  },
  // Per-session call handling (services/calls/call-settings.ts) and group-send pacing
  // (services/messages/send-pacing.ts).
  { table: 'settings', where: "key IN (SELECT column1 || ? FROM (VALUES ('calls:'), ('pacing:')))" },
  // Group sends waiting their human pause (services/messages/paced-sends.ts): a deleted number
  // must not send them later.
  { table: 'paced_sends', where: 'session_id = ?' },
  // Which tags are synced with this number's WhatsApp Business labels (migration 0042): a
  // re-created number links its phone's labels again.
  { table: 'tag_labels', where: 'session_id = ?' },
  // Label changes made here not yet sent to that number (migration 0051): they would go to a
  // re-created number's labels otherwise.
  { table: 'label_outbox', where: 'session_id = ?' },
  // Status updates received and posted (issue #19).
  { table: 'status_updates', where: 'session_id = ?' },
  // Automation's rules and each chat's place in them (menu, pause): a re-created number starts
  // without a bot.
  { table: 'automation_settings', where: 'session_id = ?' },
  { table: 'automation_chats', where: 'session_id = ?' },
  // The number's media library uploads (services/media-library/); their files are checked like
  // the profile pictures' (see run).
  { table: 'media_library', where: 'session_id = ?' },
] as const;

/** Tables with a session column that this purge leaves alone, and why. */
export const NOT_PURGED_HERE: Readonly<Record<string, string>> = {
  sessions: 'the session row itself is deleted by SessionService.remove, after this purge',
  api_keys: 'ApiKeyService.removeSessionKeys removes them and closes their open event streams',
  wa_auth_creds: 'the WhatsApp login: removed by the session manager and by ON DELETE CASCADE',
  wa_auth_keys: 'the WhatsApp keys: removed by the session manager and by ON DELETE CASCADE',
  session_permissions: 'who may read and write the number: removed with the session row by ON DELETE CASCADE',
  wa_received_messages:
    "durable receive's record of the message ids WhatsApp delivered (wa/received-messages.ts): removed with the session row by ON DELETE CASCADE",
  // The event log is the audit trail of what was announced (webhooks, the WebSocket stream):
  // those facts did happen and were already published, and the log prunes itself after 7 days
  // (EventRecorder.prune). Webhook deliveries still pending for earlier events of this session
  // go out in order to global webhooks, followed by `session.deleted`; those of the session's
  // own webhooks go with the webhook.
  events: 'the event log is an audit trail pruned by age, not by session',
};

/** Every table with per-session rows this purge deletes from (the test checks completeness). */
export const PURGED_TABLES: readonly string[] = [
  ...[...HISTORY, ...SETUP].map((entry) => entry.table),
  ...LARGE_HISTORY,
];

interface PurgeResult {
  /** Rows deleted per table (tables with none are left out). */
  deleted: Record<string, number>;
  /** True when the session's messages were handed to the background removal. */
  messagesInBackground: boolean;
  /** Media library files nothing uses any more (history kept): deleted after the commit. */
  unusedFiles: string[];
}

/**
 * Removes what belongs to one session. `run` must be called inside the caller's transaction,
 * so the session is removed completely or not at all; `afterCommit` runs after the commit.
 */
export class SessionPurge {
  private readonly afterPurge: ((sessionId: string) => void)[] = [];

  constructor(
    private readonly db: Db,
    private readonly kept: KeptHistory,
    private readonly pending: PendingPurges,
    private readonly removal: HistoryRemoval,
    private readonly unused?: UnusedMedia,
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
   * Deletes the session's rows, except its messages: those are marked for the background
   * removal, bounded by the highest row id now, and hidden from every read from this commit on.
   * One DELETE per table; this transaction's time does not grow with the number of messages.
   */
  run(sessionId: string, options: { keepHistory: boolean }): PurgeResult {
    const sqlite = this.db.$client;
    const deleted: Record<string, number> = {};
    const remove = (table: string, where: string) => {
      const changes = sqlite.prepare(`DELETE FROM "${table}" WHERE ${where}`).run(sessionId).changes;
      if (changes > 0) deleted[table] = changes;
    };
    if (options.keepHistory) {
      this.kept.keep(sessionId);
    } else {
      // Profile pictures go now; their files are checked with the messages' at the end.
      this.pending.addMedia(sessionId, this.avatarMedia(sessionId));
      for (const { table, where } of HISTORY) remove(table, where);
      // The bound: every row of this session is at or below the table's highest row id (the
      // rowid B-tree's last entry: no scan), and every later row above it (AUTOINCREMENT).
      const { highest } = sqlite
        .prepare<[], { highest: number }>('SELECT coalesce(max(row_id), 0) AS highest FROM messages')
        .get()!;
      this.pending.add(sessionId, highest);
    }
    // The files of its media library uploads and of its Status posts (both SETUP rows below).
    const libraryFiles = [...this.libraryMedia(sessionId), ...this.statusMedia(sessionId)];
    // Without the history, the files are checked once the messages are gone (a sent message may
    // use one); with it, the kept messages still count, so they can be checked now.
    if (!options.keepHistory) this.pending.addMedia(sessionId, libraryFiles);
    for (const { table, where } of SETUP) remove(table, where);
    const unusedFiles = options.keepHistory ? (this.unused?.forgetUnreferenced(libraryFiles) ?? []) : [];
    for (const listener of this.afterPurge) listener(sessionId);
    return { deleted, messagesInBackground: !options.keepHistory, unusedFiles };
  }

  /** Starts the background removal of what `run` marked; call after the commit. */
  afterCommit(result: PurgeResult): void {
    // Same tick as the commit: see UnusedMedia.removeFiles.
    if (result.unusedFiles.length > 0) this.unused?.removeFiles(result.unusedFiles);
    if (result.messagesInBackground) this.removal.wake();
  }

  /** Media files (content hashes) of the session's media library uploads. */
  private libraryMedia(sessionId: string): string[] {
    return this.db.$client
      .prepare<[string], { sha256: string }>('SELECT DISTINCT sha256 FROM media_library WHERE session_id = ?')
      .all(sessionId)
      .map((row) => row.sha256);
  }

  /** Media files (content hashes) of the session's Status photos and videos, received or posted. */
  private statusMedia(sessionId: string): string[] {
    return this.db.$client
      .prepare<[string], { sha256: string }>(
        'SELECT DISTINCT media_sha256 AS sha256 FROM status_updates WHERE session_id = ? AND media_sha256 IS NOT NULL',
      )
      .all(sessionId)
      .map((row) => row.sha256);
  }

  /** Media files (content hashes) of the session's profile pictures. */
  private avatarMedia(sessionId: string): string[] {
    return this.db.$client
      .prepare<[string], { sha256: string }>(
        'SELECT sha256 FROM contact_avatars WHERE session_id = ? AND sha256 IS NOT NULL',
      )
      .all(sessionId)
      .map((row) => row.sha256);
  }
}
