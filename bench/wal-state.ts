/**
 * The app's WAL at a case's start, for the run's log: how many frames it holds and how many are
 * copied back. A WAL that never starts over (a reader left on an old snapshot) makes every page
 * read search more of its index, so a case run late in the whole bench could cost more CPU than
 * the same case alone (docs/PERFORMANCE.md, session 18). A PASSIVE checkpoint is what the app's
 * checkpoint thread runs anyway; it only reads the counts here.
 */
import type Database from 'better-sqlite3';

/** A few milliseconds' synchronous wait (Atomics.wait on a buffer nobody signals). */
const pause = new Int32Array(new SharedArrayBuffer(4));

export function walState(db: Database.Database): string {
  // -1 while the checkpoint thread holds the checkpoint lock: asked again a few milliseconds later.
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as {
      busy: number;
      log: number;
      checkpointed: number;
    }[];
    if (result && result.log >= 0)
      return `WAL: ${result.log.toLocaleString('en')} frames, ${result.checkpointed.toLocaleString('en')} copied back`;
    Atomics.wait(pause, 0, 0, 5);
  }
  return 'WAL: busy';
}
