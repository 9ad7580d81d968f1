import { open } from 'node:fs/promises';
import path from 'node:path';
import type Database from 'better-sqlite3';

/**
 * "Committed" is not "on the disk": the connection runs WAL with `synchronous = NORMAL`, so a
 * commit is written to the WAL file but not synced; the checkpoint thread syncs it within about
 * half a second. A crash of the process loses nothing (the OS has the pages), a power cut can lose
 * those last commits. That is fine for most writes, not for one that something outside the PC is
 * told about: WhatsApp forgets a message once it has the delivery receipt, and a contact's
 * session keys must be stored before a ciphertext made with them leaves.
 *
 * `flush()` is the barrier for those moments: it resolves once every transaction committed
 * before the call is on the disk (an `fdatasync` of the WAL file, on libuv's thread pool, so the
 * event loop never waits for the disk and other work goes on meanwhile). Calls made while a sync
 * runs share the next one (a sync already under way may have started before their commit), so a
 * burst of receipts costs one or two syncs, not one each. `synchronous = FULL` would give the
 * same guarantee by syncing inside every commit, on the event loop, for every write.
 */
export class CommitDurability {
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  /**
   * @param walFile the database's WAL file; null for a database without one (in memory).
   * @param syncFile syncs a file's data to the disk (a seam for tests of the sharing).
   */
  constructor(
    readonly walFile: string | null,
    private readonly syncFile: (file: string) => Promise<void> = syncData,
  ) {}

  /** Resolves once every transaction committed before this call is on the disk. */
  flush(): Promise<void> {
    const walFile = this.walFile;
    if (walFile === null) return Promise.resolve();
    if (!this.running) return this.start(walFile);
    this.next ??= this.running.then(
      () => this.following(walFile),
      () => this.following(walFile),
    );
    return this.next;
  }

  private following(walFile: string): Promise<void> {
    this.next = null;
    return this.start(walFile);
  }

  private start(walFile: string): Promise<void> {
    const sync = this.syncFile(walFile).finally(() => {
      if (this.running === sync) this.running = null;
    });
    this.running = sync;
    return sync;
  }
}

/** `fdatasync` of a file; one that does not exist has nothing unsynced (see below). */
async function syncData(file: string): Promise<void> {
  let handle;
  try {
    handle = await open(file, 'r+');
  } catch (error) {
    // SQLite deletes the WAL only when the last connection closes, after checkpointing it into
    // the database file and syncing that: nothing of it is left to make durable.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

const byConnection = new WeakMap<Database.Database, CommitDurability>();

/**
 * The connection's barrier (one per connection, made on first use). SQLite takes no lock on the
 * WAL file itself (its locks are on the database file and the `-shm` index), so opening and
 * closing it here cannot drop one of SQLite's POSIX locks.
 */
export function commitDurability(sqlite: Database.Database): CommitDurability {
  let durability = byConnection.get(sqlite);
  if (!durability) {
    const walFile = sqlite.memory ? null : `${path.resolve(sqlite.name)}-wal`;
    durability = new CommitDurability(walFile);
    byConnection.set(sqlite, durability);
  }
  return durability;
}
