import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/connection.js';
import { RefoldMarks } from '../reports/refold-marks.js';

/** The cut-offs of one pass, fixed when it starts (so a resumed pass removes what it said). */
export interface Cutoffs {
  /** Unix ms: media of messages older than this goes; null keeps media. */
  mediaBefore: number | null;
  /** Per session id, unix ms: its messages older than this go. */
  messagesBefore: Record<string, number>;
}

export interface BatchResult {
  /** The highest row id looked at; null when nothing was left to look at. */
  lastRowId: number | null;
  scanned: number;
  mediaRemoved: number;
  messagesDeleted: number;
  /** Media files the changed rows used (to check once the pass is done: others may share them). */
  mediaCandidates: string[];
}

/**
 * One batch of a retention pass over the messages, in row id order (the primary key: each batch
 * is a range walk, and a pass can stop anywhere and continue from the last row id). Run inside a
 * transaction by the caller. Messages of a number with a rule that are older than its cut-off are
 * deleted (with their reactions and message tags; the search index follows by trigger; their chats
 * are marked for the reports to fold again); of the
 * rest, media older than the media cut-off lose their file reference and get `removedAt`, so the
 * conversation shows "media removed" and the file is never downloaded again.
 */
export class RetentionBatch {
  private readonly rangeEnd: Statement<[number, number, number], { last: number | null; n: number }>;
  private readonly deleteOld: Statement<
    [number, number, string],
    { sessionId: string; chatJid: string; id: string; timestamp: number; sha256: string | null }
  >;
  private readonly selectMedia: Statement<[number, number, number], { rowId: number; sha256: string | null }>;
  private readonly stripMedia: Statement<[string, number, number, number]>;
  private readonly deleteReactions: Statement<[string, string, string]>;
  private readonly deleteMessageTags: Statement<[string, string, string]>;
  private readonly refold: RefoldMarks;

  constructor(
    db: Db,
    private readonly size: number,
  ) {
    const sqlite = db.$client;
    this.refold = new RefoldMarks(db);
    this.rangeEnd = sqlite.prepare(
      `SELECT max(row_id) AS last, count(*) AS n FROM
         (SELECT row_id FROM messages WHERE row_id > ? AND row_id <= ? ORDER BY row_id LIMIT ?)`,
    );
    // The rules are a JSON object {session: cutoff}; a session without one compares with NULL (no row).
    this.deleteOld = sqlite.prepare(
      `DELETE FROM messages
        WHERE row_id > ? AND row_id <= ?
          AND timestamp < (SELECT value FROM json_each(?) WHERE key = messages.session_id)
       RETURNING session_id AS sessionId, chat_jid AS chatJid, id, timestamp,
         json_extract(media, '$.sha256') AS sha256`,
    );
    const mediaCondition = `row_id > ? AND row_id <= ? AND media IS NOT NULL AND timestamp < ?
          AND json_extract(media, '$.removedAt') IS NULL`;
    this.selectMedia = sqlite.prepare(
      `SELECT row_id AS rowId, json_extract(media, '$.sha256') AS sha256 FROM messages WHERE ${mediaCondition}`,
    );
    this.stripMedia = sqlite.prepare(
      `UPDATE messages
          SET media = json_set(media, '$.stored', json('false'), '$.sha256', NULL, '$.removedAt', ?)
        WHERE row_id > ? AND row_id <= ? AND media IS NOT NULL AND timestamp < ?
          AND json_extract(media, '$.removedAt') IS NULL`,
    );
    this.deleteReactions = sqlite.prepare(
      'DELETE FROM message_reactions WHERE session_id = ? AND chat_jid = ? AND message_id = ?',
    );
    this.deleteMessageTags = sqlite.prepare(
      'DELETE FROM message_tags WHERE session_id = ? AND chat_jid = ? AND message_id = ?',
    );
  }

  /** Looks at the next rows after `afterRowId` (up to `throughRowId`) and applies the cut-offs. */
  run(afterRowId: number, throughRowId: number, cutoffs: Cutoffs, now: Date): BatchResult {
    const range = this.rangeEnd.get(afterRowId, throughRowId, this.size)!;
    if (range.last === null) {
      return { lastRowId: null, scanned: 0, mediaRemoved: 0, messagesDeleted: 0, mediaCandidates: [] };
    }
    const last = range.last;
    const candidates = new Set<string>();
    let messagesDeleted = 0;
    if (Object.keys(cutoffs.messagesBefore).length > 0) {
      const deleted = this.deleteOld.all(afterRowId, last, JSON.stringify(cutoffs.messagesBefore));
      for (const row of deleted) {
        this.deleteReactions.run(row.sessionId, row.chatJid, row.id);
        this.deleteMessageTags.run(row.sessionId, row.chatJid, row.id);
        if (row.sha256) candidates.add(row.sha256);
      }
      // The reports' kept conversations and counts are folded again without them.
      this.refold.markDeleted(deleted);
      messagesDeleted = deleted.length;
    }
    let mediaRemoved = 0;
    if (cutoffs.mediaBefore !== null) {
      const rows = this.selectMedia.all(afterRowId, last, cutoffs.mediaBefore);
      for (const row of rows) if (row.sha256) candidates.add(row.sha256);
      if (rows.length > 0) this.stripMedia.run(now.toISOString(), afterRowId, last, cutoffs.mediaBefore);
      mediaRemoved = rows.length;
    }
    return {
      lastRowId: last,
      scanned: range.n,
      mediaRemoved,
      messagesDeleted,
      mediaCandidates: [...candidates],
    };
  }
}
