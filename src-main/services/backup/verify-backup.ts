import { BackupFileError } from './backup-errors.js';
import { readArchive, type ArchiveEntry, type ArchivedFile } from './archive.js';
import { backupManifestSchema, type BackupManifest } from './manifest.js';
import { SealedFileReader } from './sealed-file.js';

export interface VerifiedBackup {
  file: string;
  size: number;
  createdAt: string;
  manifest: BackupManifest;
  files: ArchivedFile[];
}

/**
 * Reads a backup from end to end without writing anything: every record authenticated, every
 * entry hashed and matched against the manifest. Throws BackupFileError naming what is wrong
 * (wrong passphrase, incomplete, damaged, not a backup).
 */
export async function verifyBackup(file: string, passphrase: string): Promise<VerifiedBackup> {
  return readBackup(file, passphrase, async (entry) => {
    for await (const piece of entry.data) void piece;
  });
}

/** Reads a backup, handing each entry to `onEntry` (which must read its data), then checks the manifest. */
export async function readBackup(
  file: string,
  passphrase: string,
  onEntry: (entry: ArchiveEntry) => Promise<void>,
  onBytes?: (done: number, total: number) => void,
): Promise<VerifiedBackup> {
  const reader = await SealedFileReader.open(file);
  const key = await reader.unlock(passphrase);
  let done = 0;
  const counted = async function* (): AsyncGenerator<Buffer> {
    for await (const chunk of reader.plaintext(key)) {
      done += chunk.length;
      onBytes?.(done, reader.fileSize);
      yield chunk;
    }
  };
  const entries = readArchive(counted());
  for (;;) {
    const next = await entries.next();
    if (next.done) {
      const parsed = backupManifestSchema.safeParse(next.value.manifest);
      if (!parsed.success) {
        throw new BackupFileError(
          'unsupported_version',
          'This backup lists its contents in a form this version cannot read.',
        );
      }
      if (!next.value.files.some((f) => f.name === 'chatdock.db')) {
        throw new BackupFileError('damaged', 'The backup file is damaged: it holds no database.');
      }
      return {
        file,
        size: reader.fileSize,
        createdAt: reader.header.createdAt,
        manifest: parsed.data,
        files: next.value.files,
      };
    }
    await onEntry(next.value);
  }
}
