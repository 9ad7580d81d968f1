import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { sqliteNativeBinding } from './native-binding.js';

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
const round = () => {
  let behind = false;
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    behind = result.busy === 0 && result.checkpointed < result.log;
  } catch {
    // busy or closing: the next round (or the writer's own safety net) catches up
  }
  timer = setTimeout(round, behind ? workerData.behindMs : workerData.intervalMs);
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
    worker.once('error', (error) => {
      // Back to checkpointing on the writer, as without this thread.
      if (this.worker === worker) this.worker = null;
      this.restoreWriter();
      this.onError(error);
    });
    this.worker = worker;
    this.writer.pragma(`wal_autocheckpoint = ${SAFETY_AUTO_CHECKPOINT}`);
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
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
