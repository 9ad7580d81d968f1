/**
 * Back-pressure from the WAL to a bulk writer (a history sync). SQLite starts the WAL over only
 * when a write transaction begins after every frame in it was copied back into the database
 * file. A history sync commits chunk after chunk, tens of thousands of frames a second, so the
 * checkpoint thread (db/checkpointer.ts) may not catch up before the next chunk; the WAL then grew
 * until the writer's safety net checkpointed it inside a commit, on the event loop: 100–170 ms of
 * the main thread's CPU each time (docs/PERFORMANCE.md, session 17). Before each chunk the sync
 * asks for room: at once while the WAL is small or fully copied back, else once the thread reports
 * it has caught up, so the next chunk starts the WAL over. The sync then goes at the disk's pace
 * instead of holding the loop.
 */

/** Past this many frames (~40 MB of 4 KB pages) a bulk writer waits for them to be copied back. */
export const WAL_ROOM_FRAMES = 10_000;
/** The longest one wait lasts: a reader holding an old snapshot can keep the thread from catching up. */
export const WAL_WAIT_MS = 2_000;

/** The WAL as a checkpoint round left it (`PRAGMA wal_checkpoint` result; -1 outside WAL mode). */
export interface WalState {
  log: number;
  checkpointed: number;
}

export class WalRoom {
  private state: WalState = { log: 0, checkpointed: 0 };
  private readonly waiting = new Set<() => void>();

  /** After each checkpoint round. */
  report(state: WalState): void {
    this.state = state.log >= 0 ? state : { log: 0, checkpointed: 0 };
    if (!this.full()) this.release();
  }

  /** Resolves when the next bulk write may go (see the file comment). */
  room(): Promise<void> {
    if (!this.full()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, WAL_WAIT_MS);
      this.waiting.add(done);
    });
  }

  /** No more reports will come (the thread stopped): nobody waits for one. */
  release(): void {
    for (const done of [...this.waiting]) done();
  }

  private full(): boolean {
    return this.state.log > WAL_ROOM_FRAMES && this.state.checkpointed < this.state.log;
  }
}
