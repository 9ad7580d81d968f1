import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { appRoot } from '../core/paths.js';
import * as schema from './schema.js';
import { sqliteNativeBinding } from './native-binding.js';
import { registerSearchText } from './search-text.js';
import { registerBulkSlice } from './bulk-slice.js';
import { prepareAutoVacuum, type AutoVacuumOutcome } from './auto-vacuum.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_DIR = path.join(appRoot(), 'src-main', 'db', 'migrations');

/**
 * Opens (creating if needed) the one SQLite connection of the process and brings its schema
 * up to date. WAL lets readers run beside the writer; NORMAL sync is safe with WAL (a power
 * cut can lose the last transactions, never corrupt the file). Where a commit is about to be
 * relied on outside the PC (a receipt to WhatsApp, keys a ciphertext was made with), the writer
 * waits for `commitDurability(sqlite).flush()` (db/durable-commits.ts) instead.
 */
export function openDatabase(
  file: string,
  options: { onAutoVacuum?: (outcome: AutoVacuumOutcome) => void } = {},
): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, { nativeBinding: sqliteNativeBinding() });
  // Before WAL and the first table: a new file is incremental from the start (db/auto-vacuum.ts).
  const autoVacuum = prepareAutoVacuum(sqlite, file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  // Checkpoint every ~40 MB of WAL instead of SQLite's ~4 MB (issue #27): a history slice
  // rewrites pages scattered over the chat indexes, and each checkpoint writes them back and syncs
  // twice, so ten times fewer checkpoints write a hot page once for many slices. Durability is
  // the same (a commit is in the WAL either way); a restart after a crash replays at most this.
  sqlite.pragma('wal_autocheckpoint = 10000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Before the migrations: they, and the search index triggers, call it.
  registerSearchText(sqlite);
  registerBulkSlice(sqlite);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  options.onAutoVacuum?.(autoVacuum);
  return db;
}

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'chatdock.db');
}
