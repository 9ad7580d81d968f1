/**
 * The command-line restore, shared by `npm run backup -- restore FILE` and
 * `npm run serve -- --restore FILE` (restore, then start on the restored data). Writes what it
 * does to stdout/stderr; answers an exit code.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { backupPassphraseFromEnv } from '../core/config.js';
import { askHidden } from '../services/backup/ask-hidden.js';
import { dataDirInUse } from '../services/backup/data-dir-in-use.js';
import { restoreBackup } from '../services/backup/restore-backup.js';
import type { VerifiedBackup } from '../services/backup/verify-backup.js';

/** The passphrase from CHATDOCK_BACKUP_PASSPHRASE, else asked for (not echoed). */
export async function backupPassphrase(): Promise<string> {
  return backupPassphraseFromEnv() ?? (await askHidden('Backup passphrase: '));
}

export async function restoreCommand(file: string, dataDir: string): Promise<number> {
  if (!existsSync(file)) {
    process.stderr.write(`There is no file ${path.resolve(file)}.\n`);
    return 1;
  }
  if (dataDirInUse(dataDir)) {
    process.stderr.write(
      `Chatdock is running on ${dataDir}. Stop it first: a restore replaces that data folder.\n`,
    );
    return 1;
  }
  const passphrase = await backupPassphrase();
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
    `Restored into ${restored.dataDir}.\n${describeBackup(restored)}` +
      (restored.previous ? `The data that was there before is kept in ${restored.previous}.\n` : '') +
      'The numbers reconnect by themselves when Chatdock starts. Do not run the old PC on the same numbers ' +
      'any more: WhatsApp lets only one of the two stay linked, and tells the other it was replaced.\n',
  );
  return 0;
}

export function describeBackup(backup: VerifiedBackup): string {
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
