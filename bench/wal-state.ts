/**
 * The app's WAL at a case's start, for the run's log: how many frames it holds and how many are
 * copied back. A WAL that never starts over (a reader left on an old snapshot) makes every page
 * read search more of its index, so a case run late in the whole bench could cost more CPU than
 * the same case alone (docs/PERFORMANCE.md, session 18). A PASSIVE checkpoint is what the app's
 * checkpoint thread runs anyway; it only reads the counts here.
 */
import type Database from 'better-sqlite3';

export function walState(db: Database.Database): string {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  if (!result || result.log < 0) return 'WAL: not in WAL mode';
  return `WAL: ${result.log.toLocaleString('en')} frames, ${result.checkpointed.toLocaleString('en')} copied back`;
}
