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
 * cut can lose the last transactions, never corrupt the file).
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
  // Statement journals and TEMP tables in memory (issue #23 target 4). A statement that writes
  // several rows inside a transaction (a history slice's rows, its chat summaries) first copies
  // each page it changes into a statement journal, and past 64 KiB SQLite spills that journal
  // to a temporary file: a history slice wrote up to ~900 pages there, one by one, each time
  // (~12 % of its CPU, docs/PERFORMANCE.md session 21). The price: one huge statement (erasing a
  // chat of tens of thousands of messages) holds its journal in memory until it ends. After the
  // migrations, so a start-up's index builds and VACUUM still sort on disk; changing it drops
  // TEMP tables, and none exist yet.
  sqlite.pragma('temp_store = MEMORY');
  options.onAutoVacuum?.(autoVacuum);
  return db;
}

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'chatdock.db');
}
