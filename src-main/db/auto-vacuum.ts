import { statfsSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

/** What `prepareAutoVacuum` did, for the log. */
export type AutoVacuumOutcome =
  | { action: 'new' }
  | { action: 'already' }
  | { action: 'converted'; bytes: number; ms: number }
  | { action: 'skipped'; reason: string };

/** SQLite's `auto_vacuum` values. */
const INCREMENTAL = 2;

/**
 * Makes the database give freed pages back to the disk on request (`PRAGMA incremental_vacuum`,
 * run by housekeeping after retention deletes). A new database gets `auto_vacuum=INCREMENTAL`
 * before its first table, which costs nothing. An existing one needs one full `VACUUM` to switch:
 * it rewrites the whole file, so it runs here, when the connection opens and before anything
 * else uses it (nothing waits on the event loop yet), and only with room on the disk for a second
 * copy (the rewrite passes through the WAL). It is one transaction: a crash during it leaves the
 * old file as it was, and the next start tries again. Without room it is skipped and tried at the
 * next start; retention still works, the file just does not shrink (freed pages are reused).
 */
export function prepareAutoVacuum(
  sqlite: Database.Database,
  file: string,
  freeDiskBytes: (dir: string) => number = diskFree,
): AutoVacuumOutcome {
  if ((sqlite.pragma('auto_vacuum', { simple: true }) as number) === INCREMENTAL)
    return { action: 'already' };
  const tables = sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
    n: number;
  };
  sqlite.pragma('auto_vacuum = INCREMENTAL');
  if (tables.n === 0 || file === ':memory:') return { action: 'new' };

  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  const bytes = pageSize * pages;
  // The WAL holds the rewritten database until it is checkpointed: twice its size with a margin.
  const needed = bytes * 2 + 64 * 1024 * 1024;
  const free = freeDiskBytes(path.dirname(file));
  if (free < needed) {
    return {
      action: 'skipped',
      reason: `needs ${needed} free bytes beside the database for a one-time rewrite, ${free} are free`,
    };
  }
  const started = performance.now();
  sqlite.exec('VACUUM');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { action: 'converted', bytes, ms: Math.round(performance.now() - started) };
}

/** Whether freed pages can be handed back to the disk. */
export function autoVacuumMode(sqlite: Database.Database): 'incremental' | 'none' {
  return (sqlite.pragma('auto_vacuum', { simple: true }) as number) === INCREMENTAL ? 'incremental' : 'none';
}

function diskFree(dir: string): number {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
}
