import type Database from 'better-sqlite3';
import { autoVacuumMode } from '../../db/auto-vacuum.js';

/** Pages handed back per step (4 MiB at the default page size): a few ms each. */
const PAGES_PER_STEP = 1_000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Gives the database's free pages back to the disk, a step at a time with a turn of the event
 * loop in between (one `incremental_vacuum` of a large freelist would hold the writer). The file
 * shrinks when the WAL is next checkpointed (db/checkpointer.ts does so twice a second). Does
 * nothing on a database not yet converted (db/auto-vacuum.ts). Answers the pages freed.
 */
export async function incrementalVacuum(sqlite: Database.Database, stopped: () => boolean): Promise<number> {
  if (autoVacuumMode(sqlite) !== 'incremental') return 0;
  let freed = 0;
  for (;;) {
    const free = sqlite.pragma('freelist_count', { simple: true }) as number;
    if (free === 0 || stopped()) return freed;
    sqlite.pragma(`incremental_vacuum(${Math.min(free, PAGES_PER_STEP)})`);
    freed += Math.min(free, PAGES_PER_STEP);
    await yieldToEventLoop();
  }
}
