import type { Database, Statement } from 'better-sqlite3';
import type { MessageRecord } from '../../wa/message-mapping.js';
import { packRaw } from './raw-pack.js';
import { storedSender } from './message-sender.js';
import { mediaJson } from './media-json.js';

/**
 * The stored columns of a message, in the order `messageValues` gives them. `created_at` is
 * written empty: its `strftime` default cost 24 bytes and a clock read a row, and nothing reads
 * it (db/schema-messaging.ts).
 */
export const MESSAGE_INSERT_COLUMNS = `session_id, chat_jid, id, from_me, sender_jid, sender_name, type, text, media, content,
  quoted_id, mentions, status, timestamp, forwarded, raw, sent_by, created_at`;

/** One `?` per column of `MESSAGE_INSERT_COLUMNS`, for a `VALUES` list. */
export const MESSAGE_INSERT_PLACEHOLDERS = MESSAGE_INSERT_COLUMNS.split(',')
  .map(() => '?')
  .join(', ');

/**
 * The values a message row is inserted with, in `MESSAGE_INSERT_COLUMNS` order (positional: no
 * name lookups). The one writer of `raw`.
 */
export function messageValues(sessionId: string, record: MessageRecord): unknown[] {
  return [
    sessionId,
    record.chatJid,
    record.id,
    record.fromMe ? 1 : 0,
    // NULL where the chat implies it (message-sender.ts).
    storedSender(record),
    record.senderName,
    record.type,
    record.text,
    record.media ? mediaJson(record.media) : null,
    record.content ? JSON.stringify(record.content) : null,
    record.quotedId,
    record.mentions.length ? JSON.stringify(record.mentions) : null,
    record.status,
    record.timestamp,
    record.forwarded ? 1 : 0,
    // Packed against the row's own columns (raw-pack.ts); a waiting row's raw is read as stored.
    record.type === 'waiting' ? record.raw : packRaw(record.raw, record),
    record.sentBy ? JSON.stringify(record.sentBy) : null,
    '',
  ];
}

/**
 * A history slice's message rows inserted by ONE statement (issue #23 target 4). A statement
 * that may write several rows and may abort keeps a statement journal: every page it changes
 * is copied first, so that it alone can be undone. `messages` has insert triggers (its FTS5
 * index entry, the report mark) and NOT NULL columns, so each single-row `INSERT` was such a
 * statement and copied every page of the table and its ~7 indexes it touched (about 30 % of
 * the insert's time in session 15's profile). Inserted from a staging table in one
 * `INSERT … SELECT`, each page is copied once per slice. The triggers fire per row as before
 * (search, marks: unchanged), the rows get their row ids in the slice's order (the search's
 * newest-first order reads row ids) and the slice stays one transaction with its search entries.
 *
 * The staging table is TEMP (this connection only, never in the database file) with neither
 * constraint, index nor trigger: filling it is a plain append, and it is emptied after each use.
 */
export class SliceRows {
  private readonly stage: Statement<unknown[]>;
  private readonly moveIn: Statement<[]>;
  private readonly lastRowId: Statement<[], { last: number | null }>;
  private readonly since: Statement<[number], { rowId: number; chatJid: string; id: string }>;
  private readonly clear: Statement<[]>;

  constructor(sqlite: Database) {
    // Untyped columns: each value keeps the type it was bound with until `messages` applies its
    // own affinities, exactly as a direct insert does.
    sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS history_slice_rows (${MESSAGE_INSERT_COLUMNS})`);
    this.stage = sqlite.prepare(
      `INSERT INTO temp.history_slice_rows (${MESSAGE_INSERT_COLUMNS})
       VALUES (${MESSAGE_INSERT_PLACEHOLDERS})`,
    );
    // In staging order (its rowid): the rows' ids follow the slice. `WHERE true` keeps the
    // upsert's ON from being read as a join constraint.
    this.moveIn = sqlite.prepare(
      `INSERT INTO messages (${MESSAGE_INSERT_COLUMNS})
       SELECT ${MESSAGE_INSERT_COLUMNS} FROM temp.history_slice_rows WHERE true ORDER BY rowid
       ON CONFLICT (session_id, chat_jid, id) DO NOTHING`,
    );
    this.lastRowId = sqlite.prepare(`SELECT max(row_id) AS last FROM messages`);
    this.since = sqlite.prepare(
      `SELECT row_id AS rowId, chat_jid AS chatJid, id FROM messages WHERE row_id > ? ORDER BY row_id`,
    );
    this.clear = sqlite.prepare(`DELETE FROM temp.history_slice_rows`);
  }

  /**
   * Inserts what is new among `records` (a row already stored, or repeated earlier in the slice,
   * is left as it is) and returns each record's new row id, 0 where nothing was inserted. Only
   * inside the slice's transaction.
   */
  insert(sessionId: string, records: readonly MessageRecord[]): number[] {
    const before = this.lastRowId.get()?.last ?? 0;
    try {
      for (const record of records) this.stage.run(...messageValues(sessionId, record));
      this.moveIn.run();
    } finally {
      this.clear.run();
    }
    // AUTOINCREMENT: every new row's id is above the largest before, in insertion order. The new
    // rows are the records that did not conflict, in the same order, so one walk pairs them.
    const inserted = this.since.all(before);
    let next = 0;
    const rowIds = records.map((record) => {
      const row = inserted[next];
      if (row && row.chatJid === record.chatJid && row.id === record.id) {
        next += 1;
        return row.rowId;
      }
      return 0;
    });
    if (next !== inserted.length) throw new Error('SliceRows: inserted rows do not match the slice');
    return rowIds;
  }
}
