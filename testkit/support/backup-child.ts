/**
 * A process that makes (`backup DATA_DIR FOLDER`) or restores (`restore FILE DATA_DIR`) a backup
 * and prints a line at each progress step, for tests that kill it with SIGKILL half-way. Each step
 * then waits 20 ms, so the test finds it mid-way however fast the disk is. The passphrase is in
 * CHATDOCK_BACKUP_PASSPHRASE.
 */
import { openDatabase, databaseFile } from '../../src-main/db/connection.js';
import { createBackup } from '../../src-main/services/backup/create-backup.js';
import { restoreBackup } from '../../src-main/services/backup/restore-backup.js';
import { testKey } from './backup-helpers.js';

const pause = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
const [command, a, b] = process.argv.slice(2);
const passphrase = process.env.CHATDOCK_BACKUP_PASSPHRASE ?? '';

async function main(): Promise<void> {
  if (command === 'backup' && a && b) {
    const db = openDatabase(databaseFile(a));
    const made = await createBackup({
      sqlite: db.$client,
      dataDir: a,
      folder: b,
      key: await testKey(passphrase),
      appVersion: 'test',
      onProgress: (p) => {
        process.stdout.write(`progress ${p.phase} ${p.done}/${p.total}\n`);
        pause();
      },
    });
    process.stdout.write(`done ${made.file}\n`);
  } else if (command === 'restore' && a && b) {
    await restoreBackup({
      file: a,
      passphrase,
      dataDir: b,
      onProgress: (done, total) => {
        process.stdout.write(`progress ${done}/${total}\n`);
        pause();
      },
    });
    process.stdout.write('done\n');
  } else {
    throw new Error('usage: backup DATA_DIR FOLDER | restore FILE DATA_DIR');
  }
}

await main();
