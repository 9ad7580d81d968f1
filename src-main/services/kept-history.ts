import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection.js';

/** The settings row (an internal value, not a user setting) listing the session ids. */
const SETTINGS_KEY = 'sessions:kept-history';

/**
 * Sessions deleted with "keep chat history": their chats and messages stay in the database but
 * belong to no session, so the views across sessions (the "All numbers" chat list, search)
 * leave them out — a chat there could not be opened, since every per-session read needs the
 * session. Creating a session with the same id again takes the history back (it shows again).
 *
 * Read from the database on every call (one key lookup), so it is never out of step with a
 * transaction that rolled back.
 */
export class KeptHistory {
  private readonly select: Statement<[string], { value: string }>;
  private readonly upsert: Statement<[string, string]>;
  private readonly remove: Statement<[string]>;

  constructor(db: Db) {
    const sqlite = db.$client;
    this.select = sqlite.prepare('SELECT value FROM settings WHERE key = ?');
    this.upsert = sqlite.prepare(
      `INSERT INTO settings (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    );
    this.remove = sqlite.prepare('DELETE FROM settings WHERE key = ?');
  }

  /** Ids of deleted sessions whose history is kept (and hidden until the id is used again). */
  sessions(): string[] {
    const row = this.select.get(SETTINGS_KEY);
    return row ? (JSON.parse(row.value) as string[]) : [];
  }

  keep(sessionId: string): void {
    const ids = this.sessions();
    if (!ids.includes(sessionId)) this.write([...ids, sessionId]);
  }

  /** A session with this id exists again: its kept history is its own again. */
  release(sessionId: string): void {
    const ids = this.sessions();
    if (ids.includes(sessionId)) this.write(ids.filter((id) => id !== sessionId));
  }

  private write(ids: string[]): void {
    if (ids.length === 0) this.remove.run(SETTINGS_KEY);
    else this.upsert.run(SETTINGS_KEY, JSON.stringify(ids));
  }
}
