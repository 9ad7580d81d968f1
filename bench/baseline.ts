/**
 * The raw baseline: plain better-sqlite3 with no app code in between. Its own database holds
 * the same `messages` table (same columns and indexes) with the same FTS5 index (contentless,
 * with delete) fed by a trigger, and inserts the same rows with one prepared statement in
 * transactions of the same size. The app's trigger also passes the text through its own
 * `search_text()` (a JavaScript function); that cost is the app's, so the raw trigger has none. Read baselines run the natural SQL for each question on a separate plain
 * connection to the app's own database file, so both sides read the same data.
 */
import Database from 'better-sqlite3';
import type { MessageRecord } from '../src-main/wa/message-mapping.js';

const SCHEMA = `
CREATE TABLE messages (
  row_id integer PRIMARY KEY AUTOINCREMENT NOT NULL, session_id text NOT NULL, chat_jid text NOT NULL,
  id text NOT NULL, from_me integer NOT NULL, sender_jid text, sender_name text, type text NOT NULL,
  text text, media text, content text, quoted_id text, mentions text, status text NOT NULL,
  timestamp integer NOT NULL, edited_at integer, revoked_at integer, forwarded integer DEFAULT false NOT NULL,
  raw blob
);
CREATE UNIQUE INDEX messages_identity_idx ON messages (session_id, id, chat_jid);
CREATE INDEX messages_chat_time_idx ON messages (session_id, chat_jid, timestamp);
CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.text IS NOT NULL BEGIN
  INSERT INTO messages_fts (rowid, text) VALUES (new.row_id, new.text);
END;
CREATE TABLE events (id text PRIMARY KEY NOT NULL, type text NOT NULL, session_id text, timestamp text NOT NULL,
  data text NOT NULL);
`;

export class RawIngest {
  readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly insertEvent: Database.Statement;
  private readonly batch: (sessionId: string, records: readonly MessageRecord[]) => void;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.insert = this.db.prepare(
      `INSERT INTO messages (session_id, chat_jid, id, from_me, sender_jid, sender_name, type, text, media, content,
         quoted_id, mentions, status, timestamp, forwarded, raw)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertEvent = this.db.prepare(
      'INSERT INTO events (id, type, session_id, timestamp, data) VALUES (?, ?, ?, ?, ?)',
    );
    this.batch = this.db.transaction((sessionId: string, records: readonly MessageRecord[]) => {
      for (const record of records) this.insertOne(sessionId, record);
    });
  }

  private insertOne(sessionId: string, r: MessageRecord): void {
    this.insert.run(
      sessionId,
      r.chatJid,
      r.id,
      r.fromMe ? 1 : 0,
      r.senderJid,
      r.senderName,
      r.type,
      r.text,
      r.media ? JSON.stringify(r.media) : null,
      r.content ? JSON.stringify(r.content) : null,
      r.quotedId,
      r.mentions.length ? JSON.stringify(r.mentions) : null,
      r.status,
      r.timestamp,
      r.forwarded ? 1 : 0,
      r.raw,
    );
  }

  ingest(sessionId: string, records: readonly MessageRecord[]): void {
    this.batch(sessionId, records);
  }

  /** One live message: its row and an event row, in one transaction (the minimum a live store does). */
  readonly live = (sessionId: string, record: MessageRecord, eventId: string): void => {
    this.db.transaction(() => {
      this.insertOne(sessionId, record);
      this.insertEvent.run(eventId, 'message.received', sessionId, new Date().toISOString(), '{}');
    })();
  };

  close(): void {
    this.db.close();
  }
}

/**
 * The same questions as the app asks (same SQL shape and order, so the same indexes), through
 * plain better-sqlite3 on a read-only connection to the app's database file.
 */
export class RawReads {
  readonly db: Database.Database;
  readonly chatList: Database.Statement<[string, number]>;
  readonly page: Database.Statement<[string, string, number, number]>;
  readonly search: Database.Statement<[string, number]>;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true });
    this.chatList = this.db.prepare(
      `SELECT c.*, coalesce(ct.name, ct.verified_name, ct.notify) AS display_name FROM chats c
       LEFT JOIN contacts ct ON ct.session_id = c.session_id AND ct.jid = c.jid
       WHERE c.session_id = ? ORDER BY coalesce(c.last_message_at, 0) DESC, c.session_id DESC, c.jid DESC LIMIT ?`,
    );
    this.page = this.db.prepare(
      `SELECT * FROM messages WHERE session_id = ? AND chat_jid = ? AND timestamp < ?
       ORDER BY timestamp DESC LIMIT ?`,
    );
    // Newest hits by rowid, limited inside FTS, then the rows themselves.
    this.search = this.db.prepare(
      `SELECT m.* FROM (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ?) h
       JOIN messages m ON m.row_id = h.rowid ORDER BY h.rowid DESC`,
    );
  }

  close(): void {
    this.db.close();
  }
}
