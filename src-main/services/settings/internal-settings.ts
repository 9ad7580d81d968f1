import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/connection.js';

/**
 * Internal JSON values kept in the `settings` table under their own keys (never user settings:
 * SettingsService reads only the keys it knows). No migration is needed for a new one. Read on
 * every call (one key lookup), so a value is never out of step with a transaction that rolled back.
 */
export class InternalSettings {
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

  /** The value stored under `key`, or null when there is none. */
  read<T>(key: string): T | null {
    const row = this.select.get(key);
    return row ? (JSON.parse(row.value) as T) : null;
  }

  write(key: string, value: unknown): void {
    this.upsert.run(key, JSON.stringify(value));
  }

  delete(key: string): void {
    this.remove.run(key);
  }
}
