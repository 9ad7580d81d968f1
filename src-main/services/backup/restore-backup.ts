import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BackupFileError } from './backup-errors.js';
import { readBackup, type VerifiedBackup } from './verify-backup.js';

interface RestoreOptions {
  file: string;
  passphrase: string;
  /** The data dir to end up with. Its current contents, if any, are moved aside, never deleted. */
  dataDir: string;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

interface RestoredBackup extends VerifiedBackup {
  dataDir: string;
  /** Where the data dir's earlier contents now are (null when there were none). */
  previous: string | null;
}

const STAGING_MARK = '.restoring-';
/** A restore decrypted and checked by the running app, switched in at the next start. */
const READY_MARK = '.restore-ready';

/**
 * Restores a backup into a fresh folder beside `dataDir`, checks it (every record authenticated,
 * the manifest matched, SQLite's integrity check), and only then switches: the old data dir is
 * renamed to `<dataDir>.before-restore-<time>` and the new one takes its name. Interrupted at
 * any point before the switch, the old data dir is untouched and the half-restored folder is
 * removed by the next restore. Chatdock must not be running on `dataDir` meanwhile.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoredBackup> {
  const dataDir = path.resolve(options.dataDir);
  const { staging, verified } = await stageRestore(options);
  try {
    const previous = switchIn(staging, dataDir, options.now ?? new Date());
    return { ...verified, dataDir, previous };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * For a running Chatdock (the "Restore from a backup" screen): decrypts and checks the backup
 * beside its data dir now, as `<dataDir>.restore-ready`, and leaves the switch to the next start
 * (`applyPendingRestore`, before the database opens), since the running app holds the data dir.
 * A ready restore from an earlier attempt is replaced.
 */
export async function prepareRestore(options: Omit<RestoreOptions, 'now'>): Promise<VerifiedBackup> {
  const dataDir = path.resolve(options.dataDir);
  const { staging, verified } = await stageRestore(options);
  const ready = dataDir + READY_MARK;
  try {
    rmSync(ready, { recursive: true, force: true });
    renameSync(staging, ready);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return verified;
}

/**
 * At start, before anything opens the data dir: switches in a restore `prepareRestore` left
 * ready. The old data dir is kept as `<dataDir>.before-restore-<time>`. Killed between the two
 * renames, the data dir is missing and the ready folder is still there: the next start finishes.
 * Answers where the old data went (or null when nothing was switched).
 */
export function applyPendingRestore(dataDir: string, now = new Date()): { previous: string | null } | null {
  const ready = path.resolve(dataDir) + READY_MARK;
  if (!existsSync(ready)) return null;
  return { previous: switchIn(ready, path.resolve(dataDir), now) };
}

/** Whether a restore waits for the next start. */
export function restorePending(dataDir: string): boolean {
  return existsSync(path.resolve(dataDir) + READY_MARK);
}

/** Decrypts into a new folder beside `dataDir` and checks it; nothing else is touched. */
async function stageRestore(options: RestoreOptions): Promise<{ staging: string; verified: VerifiedBackup }> {
  const dataDir = path.resolve(options.dataDir);
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  removeAbandonedStaging(parent, path.basename(dataDir));
  const staging = `${dataDir}${STAGING_MARK}${randomBytes(4).toString('hex')}`;
  mkdirSync(staging, { mode: 0o700 });
  try {
    const verified = await readBackup(
      options.file,
      options.passphrase,
      async (entry) => {
        const target = path.join(staging, ...entry.name.split('/'));
        mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
        const handle = await open(target, 'wx', 0o600);
        try {
          let position = 0;
          for await (const piece of entry.data) {
            await handle.write(piece, 0, piece.length, position);
            position += piece.length;
          }
          await handle.sync();
        } finally {
          await handle.close();
        }
      },
      options.onProgress,
    );
    checkDatabase(path.join(staging, 'chatdock.db'));
    return { staging, verified };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Moves the data dir aside (if any) and `from` into its place; answers where the old one went. */
function switchIn(from: string, dataDir: string, now: Date): string | null {
  const previous = existsSync(dataDir)
    ? `${dataDir}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`
    : null;
  if (previous) renameSync(dataDir, previous);
  try {
    renameSync(from, dataDir);
  } catch (error) {
    if (previous) renameSync(previous, dataDir);
    throw error;
  }
  return previous;
}

function checkDatabase(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') {
      throw new BackupFileError('damaged', `The database in the backup is damaged (${String(result)}).`);
    }
  } finally {
    db.close();
  }
}

/** Folders of restores that were killed before they switched (they hold decrypted data). */
function removeAbandonedStaging(parent: string, base: string): void {
  for (const name of readdirSync(parent)) {
    if (name.startsWith(base + STAGING_MARK))
      rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}
