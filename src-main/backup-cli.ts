/**
 * `npm run backup -- verify FILE` and `npm run backup -- restore FILE [--data-dir DIR]`: the
 * command-line side of backups, for a new PC (restore before the first start) or a headless
 * server. The passphrase comes from CHATDOCK_BACKUP_PASSPHRASE or is asked for (not echoed).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { backupPassphraseFromEnv, dataDirFromEnv } from './core/config.js';
import { defaultDataDir } from './core/paths.js';
import { BackupFileError } from './services/backup/backup-errors.js';
import { dataDirInUse } from './services/backup/data-dir-in-use.js';
import { restoreBackup } from './services/backup/restore-backup.js';
import { verifyBackup, type VerifiedBackup } from './services/backup/verify-backup.js';
import { askHidden } from './services/backup/ask-hidden.js';

const USAGE = `Usage:
  npm run backup -- verify FILE
  npm run backup -- restore FILE [--data-dir DIR]

The passphrase is read from CHATDOCK_BACKUP_PASSPHRASE, or asked for.
restore puts the backup in DIR (default: CHATDOCK_DATA_DIR, else ${defaultDataDir()});
what DIR held before is kept beside it as DIR.before-restore-<time>. Stop Chatdock first.
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
  if (!existsSync(file)) {
    process.stderr.write(`There is no file ${path.resolve(file)}.\n`);
    return 1;
  }
  const passphrase = backupPassphraseFromEnv() ?? (await askHidden('Backup passphrase: '));

  if (command === 'verify') {
    const verified = await verifyBackup(path.resolve(file), passphrase);
    process.stdout.write(`The backup is complete and intact.\n${describe(verified)}`);
    return 0;
  }

  if (dataDirInUse(dataDir)) {
    process.stderr.write(
      `Chatdock is running on ${dataDir}. Stop it first: a restore replaces that data folder.\n`,
    );
    return 1;
  }
  let lastPercent = -1;
  const restored = await restoreBackup({
    file: path.resolve(file),
    passphrase,
    dataDir,
    onProgress: (done, total) => {
      const percent = Math.floor((100 * done) / Math.max(total, 1));
      if (percent >= lastPercent + 10) {
        lastPercent = percent;
        process.stdout.write(`Restoring… ${percent}%\n`);
      }
    },
  });
  process.stdout.write(
    `Restored into ${restored.dataDir}.\n${describe(restored)}` +
      (restored.previous ? `The data that was there before is kept in ${restored.previous}.\n` : '') +
      'Start Chatdock: the numbers reconnect by themselves. Do not run the old PC on the same numbers ' +
      'any more: WhatsApp lets only one of the two stay linked.\n',
  );
  return 0;
}

function describe(backup: VerifiedBackup): string {
  const { manifest } = backup;
  const numbers = manifest.sessions.map((s) => `${s.name}${s.phone ? ` (+${s.phone})` : ''}`).join(', ');
  return (
    `Made ${manifest.createdAt} by Chatdock ${manifest.appVersion}; ${backup.size} bytes.\n` +
    `Numbers: ${numbers || 'none'}\n` +
    `${manifest.counts.messages} messages in ${manifest.counts.chats} chats, ${manifest.counts.mediaFiles} media files` +
    (manifest.counts.missingMedia
      ? ` (${manifest.counts.missingMedia} were deleted while it was made)`
      : '') +
    '.\n'
  );
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof BackupFileError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
