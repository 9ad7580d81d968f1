import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Keeps the data dir private to the user running Chatdock: the database holds every customer
 * conversation and the WhatsApp logins, `media/` their photos and documents, `key-secret` the key
 * hashing secret, `backup-work/` database snapshots while a backup runs, `backup-key` the key of
 * scheduled backups. From here on everything the process creates is owner-only (umask 077); what an
 * earlier version left readable is tightened: the folder 0700 (which alone hides everything inside
 * it from other users), the database files 0600. On Windows, where modes mean little, this does
 * what the OS allows and the folder's ACL (the user's own profile) does the rest.
 */
export function makeDataDirPrivate(dataDir: string, databaseFile: string): void {
  process.umask(0o077);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  tighten(dataDir, 0o700);
  // media/: customers' files; backup-work/: database snapshots on their way into an encrypted backup.
  for (const folder of ['media', 'backup-work']) {
    const dir = path.join(dataDir, folder);
    if (existsSync(dir)) tighten(dir, 0o700);
  }
  for (const suffix of ['', '-wal', '-shm']) tighten(databaseFile + suffix, 0o600);
}

function tighten(file: string, mode: number): void {
  try {
    chmodSync(file, mode);
  } catch {
    // Missing (no WAL yet) or not ours to change (a read-only mount): nothing to tighten.
  }
}
