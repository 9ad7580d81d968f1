import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { databaseFile } from '../../db/connection.js';

/**
 * Whether a Chatdock process has this data dir's database open. A running app keeps a WAL
 * connection open, which holds a shared lock for as long as it is open; taking the database in
 * exclusive mode fails at once while it does. (A pid file would be left behind by a killed app.)
 */
export function dataDirInUse(dataDir: string): boolean {
  const file = databaseFile(dataDir);
  if (!existsSync(file)) return false;
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw error;
  } finally {
    db.close();
  }
}
