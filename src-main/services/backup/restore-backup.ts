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

/**
 * Restores a backup into a fresh folder beside `dataDir`, checks it (every record authenticated,
 * the manifest matched, SQLite's integrity check), and only then switches: the old data dir is
 * renamed to `<dataDir>.before-restore-<time>` and the new one takes its name. Interrupted at
 * any point before the switch, the old data dir is untouched and the half-restored folder is
 * removed by the next restore. Chatdock must not be running on `dataDir` meanwhile.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoredBackup> {
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

    const previous = existsSync(dataDir)
      ? `${dataDir}.before-restore-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`
      : null;
    if (previous) renameSync(dataDir, previous);
    try {
      renameSync(staging, dataDir);
    } catch (error) {
      if (previous) renameSync(previous, dataDir);
      throw error;
    }
    return { ...verified, dataDir, previous };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
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
