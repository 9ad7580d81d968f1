import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../src-shared/errors.js';
import { ArchiveWriter } from './archive.js';
import { PARTIAL_SUFFIX, WORK_DIR, backupFileName } from './backup-files.js';
import type { BackupKey } from './backup-key.js';
import { SealedFileWriter } from './sealed-file.js';
import type { BackupManifest } from './manifest.js';

export interface BackupProgress {
  phase: 'database' | 'files';
  /** Bytes (database pages, then files) done of the total known so far. */
  done: number;
  total: number;
}

interface CreateBackupOptions {
  /** The app's own connection: SQLite's backup API copies through it while the app keeps writing. */
  sqlite: Database.Database;
  dataDir: string;
  /** The folder the owner picked (an external disk, a synced folder); it must exist. */
  folder: string;
  key: BackupKey;
  appVersion: string;
  now?: Date;
  onProgress?: (progress: BackupProgress) => void;
}

export interface CreatedBackup {
  file: string;
  size: number;
  manifest: BackupManifest;
}

/** Partial files older than this are left-overs of a backup that was killed; younger ones may be running. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

/**
 * One backup of the running app into one sealed file in `folder`.
 *
 * Consistency: the database is copied first, with SQLite's online backup API (through the app's
 * connection, so the app's own writes during the copy land in it too: it is one point in time,
 * and WhatsApp's keys in it match the messages in it). Media files are content-addressed and never
 * change, so the files the snapshot's `media_files` lists are exactly the media of that moment.
 * A file removed between the snapshot and its copy (deleted with its session) is counted as
 * missing in the manifest; the restored app shows such a message without its bytes.
 *
 * Crash safety: the file is written as `<name>.partial` and renamed once its last record is sealed
 * and synced, so a killed backup leaves no file with the backup extension, and a partial file
 * renamed by hand still fails verification (its last record is missing).
 */
export async function createBackup(options: CreateBackupOptions): Promise<CreatedBackup> {
  const { sqlite, dataDir, folder, key } = options;
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new AppError('VALIDATION_FAILED', `The backup folder ${folder} does not exist.`, 'folder');
  }
  const createdAt = options.now ?? new Date();
  removeStalePartials(folder, createdAt);
  const workDir = path.join(dataDir, WORK_DIR);
  // Snapshots left by a backup that was killed (one backup runs at a time: see BackupService).
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true, mode: 0o700 });
  const snapshot = path.join(workDir, `snapshot-${randomBytes(6).toString('hex')}.db`);
  const report = options.onProgress ?? (() => undefined);
  let partial: string | null = null;
  let writer: SealedFileWriter | null = null;
  try {
    await sqlite.backup(snapshot, {
      progress: ({ totalPages, remainingPages }) => {
        report({ phase: 'database', done: totalPages - remainingPages, total: totalPages });
        return 1000;
      },
    });
    const contents = describeSnapshot(snapshot);
    const totalBytes = contents.databaseSize + contents.media.reduce((sum, m) => sum + m.size, 0);
    let doneBytes = 0;
    const advance = (n: number) => {
      doneBytes += n;
      report({ phase: 'files', done: doneBytes, total: totalBytes });
    };

    const target = freeName(folder, createdAt);
    partial = target + PARTIAL_SUFFIX;
    writer = await SealedFileWriter.create(partial, key, {
      createdAt: createdAt.toISOString(),
      appVersion: options.appVersion,
    });
    const archive = new ArchiveWriter(writer);
    await archive.addFile('chatdock.db', snapshot, contents.databaseSize, advance);
    for (const name of ['key-secret', 'config.json']) {
      const file = path.join(dataDir, name);
      if (existsSync(file)) await archive.addFile(name, file, statSync(file).size);
    }
    let missingMedia = 0;
    for (const media of contents.media) {
      const file = path.join(dataDir, 'media', media.sha256.slice(0, 2), media.sha256);
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        missingMedia++;
        continue;
      }
      await archive.addFile(`media/${media.sha256.slice(0, 2)}/${media.sha256}`, file, size, advance);
    }
    const manifest: BackupManifest = {
      format: 1,
      createdAt: createdAt.toISOString(),
      appVersion: options.appVersion,
      sessions: contents.sessions,
      counts: {
        messages: contents.messages,
        chats: contents.chats,
        mediaFiles: contents.media.length - missingMedia,
        missingMedia,
      },
    };
    await archive.finish(manifest);
    await writer.finish();
    writer = null;
    await rename(partial, target);
    partial = null;
    await syncFolder(folder);
    return { file: target, size: statSync(target).size, manifest };
  } finally {
    if (writer) await writer.abandon();
    if (partial) rmSync(partial, { force: true });
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(snapshot + suffix, { force: true });
  }
}

interface SnapshotContents {
  databaseSize: number;
  media: { sha256: string; size: number }[];
  sessions: BackupManifest['sessions'];
  messages: number;
  chats: number;
}

/** Reads what the snapshot holds, and turns it into one self-contained file (no WAL beside it). */
function describeSnapshot(file: string): SnapshotContents {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
    const media = db.prepare('SELECT sha256, size FROM media_files ORDER BY sha256').all() as {
      sha256: string;
      size: number;
    }[];
    const sessions = db.prepare('SELECT id, name, phone FROM sessions ORDER BY id').all() as {
      id: string;
      name: string;
      phone: string | null;
    }[];
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const contents = { media, sessions, messages: count('messages'), chats: count('chats') };
    db.close();
    return { ...contents, databaseSize: statSync(file).size };
  } finally {
    if (db.open) db.close();
  }
}

function freeName(folder: string, createdAt: Date): string {
  for (let attempt = 0; ; attempt++) {
    const candidate = path.join(folder, backupFileName(createdAt, attempt));
    if (!existsSync(candidate) && !existsSync(candidate + PARTIAL_SUFFIX)) return candidate;
  }
}

function removeStalePartials(folder: string, now: Date): void {
  for (const name of readdirSync(folder)) {
    if (!name.startsWith('chatdock-') || !name.endsWith(PARTIAL_SUFFIX)) continue;
    const file = path.join(folder, name);
    try {
      if (now.getTime() - statSync(file).mtimeMs > STALE_PARTIAL_MS) rmSync(file, { force: true });
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

/** Makes the rename durable. Directories cannot be opened for syncing on Windows: skipped there. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
