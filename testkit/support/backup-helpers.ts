import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BackupKey } from '../../src-main/services/backup/backup-key.js';

/** A cheap key for tests (scrypt N = 2^14): the real cost only makes tests slow. */
export function testKey(passphrase: string): Promise<BackupKey> {
  return BackupKey.fromPassphrase(passphrase, { N: 2 ** 14, r: 8, p: 1 });
}

/** Every file under `dir` (relative path → SHA-256), to compare folders byte for byte. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const file = path.join(at, name);
      if (statSync(file).isDirectory()) walk(file);
      else out[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
