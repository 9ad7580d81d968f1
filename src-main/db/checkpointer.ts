import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { sqliteNativeBinding } from './native-binding.js';
import { WalRoom, type WalState } from './wal-room.js';

/** How often the background thread copies the WAL back into the database file. */
const CHECKPOINT_INTERVAL_MS = 500;
/** SQLite's default: the writer checkpoints itself once the WAL holds this many pages. */
const WRITER_AUTO_CHECKPOINT = 1000;
/** While the WAL still holds frames after a round (commits came in meanwhile): the next one soon. */
const BEHIND_INTERVAL_MS = 20;
/**
 * With the background thread running, the writer only steps in if it falls far behind (~200 MB).
 * At ~40 MB it did, during a history sync on a slow disk, and a checkpoint (its writes and the
 * file's fsync) on the event loop was the costliest turn of the sync (docs/PERFORMANCE.md,
 * session 15); the thread now keeps checkpointing while frames are left instead of waiting.
 */
const SAFETY_AUTO_CHECKPOINT = 50_000;

// Plain JavaScript: evaluated as a worker script, so it runs the same under tsx, vitest and the build.
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true, nativeBinding: workerData.nativeBinding });
db.pragma('busy_timeout = 1000');
let timer = null;
let last = { log: 0, checkpointed: 0 };
const round = () => {
  let soon = false;
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    // Soon again while frames are left, and while commits keep coming (the WAL changed since the
    // last round): a history sync writes tens of thousands of frames a second, which half a
    // second's wait let pile up past the writer's safety net.
    soon = result.busy === 0 && (result.checkpointed < result.log || result.log !== last.log);
    // Told only when it changed: an idle app's main thread is not woken twice a second for nothing.
    if (result.log !== last.log || result.checkpointed !== last.checkpointed)
      parentPort.postMessage({ log: result.log, checkpointed: result.checkpointed });
    last = { log: result.log, checkpointed: result.checkpointed };
  } catch {
    // busy or closing: the next round (or the writer's own safety net) catches up
  }
  timer = setTimeout(round, soon ? workerData.behindMs : workerData.intervalMs);
};
timer = setTimeout(round, workerData.intervalMs);
parentPort.on('message', () => {
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * WAL checkpoints off the event loop. A checkpoint copies committed pages into the database
 * file and fsyncs it, which on a slow disk takes tens of milliseconds; run by the writing
 * connection (SQLite's auto-checkpoint) it would stall whichever message happened to commit
 * then. This thread's own connection checkpoints PASSIVE-ly twice a second, and again within
 * 20 ms while a round leaves frames behind (a history sync commits faster than twice a second);
 * the writer keeps a large auto-checkpoint threshold only as a safety net (connection.ts).
 */
export class Checkpointer {
  private worker: Worker | null = null;
  /** Fed by the thread's rounds; a history sync waits on it (db/wal-room.ts). */
  private readonly walRoom = new WalRoom();

  constructor(
    private readonly writer: Database.Database,
    private readonly onError: (error: Error) => void,
  ) {}

  start(): void {
    if (this.worker || this.writer.memory) return;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(CHECKPOINTER, {
      eval: true,
      workerData: {
        driver,
        // The same addon as the writer's (Electron's own build under Electron).
        nativeBinding: sqliteNativeBinding(),
        file: this.writer.name,
        intervalMs: CHECKPOINT_INTERVAL_MS,
        behindMs: BEHIND_INTERVAL_MS,
      },
    });
    worker.unref();
    worker.on('message', (state: WalState) => this.walRoom.report(state));
    worker.once('error', (error) => {
      // Back to checkpointing on the writer, as without this thread.
      if (this.worker === worker) this.worker = null;
      this.restoreWriter();
      this.walRoom.release();
      this.onError(error);
    });
    this.worker = worker;
    this.writer.pragma(`wal_autocheckpoint = ${SAFETY_AUTO_CHECKPOINT}`);
  }

  /** Resolves when a bulk writer may write its next batch (db/wal-room.ts); at once without the thread. */
  room(): Promise<void> {
    return this.worker ? this.walRoom.room() : Promise.resolve();
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.walRoom.release();
    if (!worker) return;
    this.restoreWriter();
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    // Keeps the process alive until the thread has closed its connection (it runs unref'd).
    worker.ref();
    worker.postMessage('stop');
    await exited;
  }

  private restoreWriter(): void {
    if (this.writer.open) this.writer.pragma(`wal_autocheckpoint = ${WRITER_AUTO_CHECKPOINT}`);
  }
}
