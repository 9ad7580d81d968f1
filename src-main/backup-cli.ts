/**
 * `npm run backup -- verify FILE` and `npm run backup -- restore FILE [--data-dir DIR]`: the
 * command-line side of backups, for a new PC (restore before the first start) or a headless
 * server. The passphrase comes from CHATDOCK_BACKUP_PASSPHRASE or is asked for (not echoed).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { backupPassphrase, describeBackup, restoreCommand } from './app/restore-command.js';
import { dataDirFromEnv } from './core/config.js';
import { defaultDataDir } from './core/paths.js';
import { BackupFileError } from './services/backup/backup-errors.js';
import { verifyBackup } from './services/backup/verify-backup.js';

const USAGE = `Usage:
  npm run backup -- verify FILE
  npm run backup -- restore FILE [--data-dir DIR]

The passphrase is read from CHATDOCK_BACKUP_PASSPHRASE, or asked for.
restore puts the backup in DIR (default: CHATDOCK_DATA_DIR, else ${defaultDataDir()});
what DIR held before is kept beside it as DIR.before-restore-<time>. Stop Chatdock first.
To restore and start at once: npm run serve -- --restore FILE
`;

async function main(argv: string[]): Promise<number> {
  const [command, file, ...rest] = argv;
  if ((command !== 'verify' && command !== 'restore') || !file) {
    process.stderr.write(USAGE);
    return 2;
  }
  let dataDir = dataDirFromEnv();
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--data-dir' && rest[i + 1]) dataDir = path.resolve(rest[++i] ?? '');
    else {
      process.stderr.write(`Unknown option ${rest[i]}\n${USAGE}`);
      return 2;
    }
  }
  if (command === 'verify') {
    if (!existsSync(file)) {
      process.stderr.write(`There is no file ${path.resolve(file)}.\n`);
      return 1;
    }
    const verified = await verifyBackup(path.resolve(file), await backupPassphrase());
    process.stdout.write(`The backup is complete and intact.\n${describeBackup(verified)}`);
    return 0;
  }

  return restoreCommand(file, dataDir);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof BackupFileError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
