import type { Database, Statement } from 'better-sqlite3';
import { KEPT_KIND_COLUMNS, KIND_KEYS, type KindRow } from './last-message-kind.js';

/** A chat's summary from a history slice: its newest new message, and whether one of ours clears unread. */
export interface SliceSummary {
  jid: string;
  kind: string;
  id: string;
  timestamp: number;
  preview: string;
  fromMe: boolean;
  status: string;
  /** A message of ours is in the slice: the chat counts as read (unread back to 0). */
  reset: boolean;
  /** The newest message's kind values (migration 0054), kept with the rest of the summary. */
  last: KindRow;
}

/** The summary's JSON array holds the kind values after its first 7 fields, in `KIND_KEYS` order. */
const KIND_AT = 7;

/**
 * What a history slice derives from its rows, written set-wise once per slice instead of once
 * per row (issues #27, #23 target 4): a statement per kind of derived row, its rows passed as
 * one JSON array and sorted by chat so each table's and index's pages are visited in key order.
 * Runs in the slice's transaction, after its message inserts.
 */
export class SliceWrites {
  // Positional parameters in the order they appear (better-sqlite3 binds no numbered ones).
  private readonly marks: Statement<[string, string]>;
  private readonly summaries: Statement<[string, string, string]>;
  /** Parameters: now, session, the chats as a JSON array. */
  private readonly clearUnread: Statement<[string, string, string]>;

  constructor(sqlite: Database) {
    // The report marks (migration 0028): each customer chat given a message, from its earliest
    // one, kept if already marked from earlier. Exactly what `report_dirty_on_message` writes
    // row by row; that trigger steps aside during the slice's inserts (db/bulk-slice.ts).
    this.marks = sqlite.prepare(
      `INSERT INTO report_dirty_chats (session_id, chat_jid, since)
       SELECT ?, m.value ->> 0, m.value ->> 1 FROM json_each(?) AS m WHERE true
       ON CONFLICT (session_id, chat_jid) DO UPDATE SET since = excluded.since WHERE excluded.since < since`,
    );
    // The summaries move only forward in time: a chat whose last message is newer than the
    // slice's newest is not written at all (no move in any chat order index, no trigger).
    // History never adds to the unread count nor unarchives.
    this.summaries = sqlite.prepare(
      `INSERT INTO chats (session_id, jid, kind, unread_count, last_message_id, last_message_at, last_message_preview,
         last_message_from_me, last_message_status, updated_at, ${KEPT_KIND_COLUMNS.join(', ')})
       SELECT ?, s.value ->> 0, s.value ->> 1, 0, s.value ->> 2, s.value ->> 3, s.value ->> 4, s.value ->> 5,
         s.value ->> 6, ?, ${KEPT_KIND_COLUMNS.map((_, i) => `s.value ->> ${KIND_AT + i}`).join(', ')}
       FROM json_each(?) AS s WHERE true
       ON CONFLICT (session_id, jid) DO UPDATE SET
         last_message_id = excluded.last_message_id,
         last_message_at = excluded.last_message_at,
         last_message_preview = excluded.last_message_preview,
         last_message_from_me = excluded.last_message_from_me,
         last_message_status = excluded.last_message_status,
         ${KEPT_KIND_COLUMNS.map((column) => `${column} = excluded.${column}`).join(',\n         ')},
         updated_at = excluded.updated_at
       WHERE excluded.last_message_at >= coalesce(last_message_at, 0)`,
    );
    // A message of ours in the slice, older or newer than the chat's last: the chat was read.
    this.clearUnread = sqlite.prepare(
      `UPDATE chats SET unread_count = 0, updated_at = ?
       WHERE session_id = ? AND jid IN (SELECT value FROM json_each(?)) AND unread_count <> 0`,
    );
  }

  /** `marks`: the earliest new message's time of each customer chat (groups are not reported). */
  write(sessionId: string, now: string, marks: Map<string, number>, summaries: SliceSummary[]): void {
    if (marks.size > 0) {
      const rows = [...marks].sort(byFirst);
      this.marks.run(sessionId, JSON.stringify(rows));
    }
    if (summaries.length === 0) return;
    summaries.sort((a, b) => (a.jid < b.jid ? -1 : a.jid > b.jid ? 1 : 0));
    this.summaries.run(
      sessionId,
      now,
      JSON.stringify(
        summaries.map((s) => [
          s.jid,
          s.kind,
          s.id,
          s.timestamp,
          s.preview,
          s.fromMe ? 1 : 0,
          s.status,
          ...KIND_KEYS.map((key) => s.last[key]),
        ]),
      ),
    );
    const read = summaries.filter((s) => s.reset).map((s) => s.jid);
    if (read.length > 0) this.clearUnread.run(now, sessionId, JSON.stringify(read));
  }
}

function byFirst(a: [string, number], b: [string, number]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
