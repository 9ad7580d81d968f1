import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaStore } from '../messages/media-store.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import { BackupFileError } from './backup-errors.js';
import { createBackup, type CreatedBackup } from './create-backup.js';
import { dataDirInUse } from './data-dir-in-use.js';
import { restoreBackup } from './restore-backup.js';
import { fingerprint, testKey } from '../../../testkit/support/backup-helpers.js';
import { verifyBackup } from './verify-backup.js';

const PASSPHRASE = 'correct horse battery staple';
const root = mkdtempSync(path.join(os.tmpdir(), 'chatdock-backup-test-'));
const folder = path.join(root, 'external-disk');
let app: TestCore;
let backup: CreatedBackup;
let namedKey: string;
const photo = randomBytes(300_000);

beforeAll(async () => {
  mkdirSync(folder);
  app = await startTestCore();
  await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop', name: 'Shop' } });
  const created = await app.request('/api/v1/keys', {
    method: 'POST',
    json: { name: 'crm', scopes: ['admin'] },
  });
  namedKey = ((await created.json()) as { key: string }).key;
  new MediaStore(app.dataDir, app.core.db).save(photo, 'image/jpeg');
  backup = await createBackup({
    sqlite: app.core.db.$client,
    dataDir: app.dataDir,
    folder,
    key: await testKey(PASSPHRASE),
    appVersion: '9.9.9',
  });
});

afterAll(async () => {
  await app?.stop();
  rmSync(root, { recursive: true, force: true });
});

async function problemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackupFileError) return error.problem;
    throw error;
  }
  return 'none';
}

/** A copy of the backup file, changed by `damage`, in its own folder. */
function damagedCopy(name: string, damage: (file: string) => void): string {
  const file = path.join(root, name);
  writeFileSync(file, readFileSync(backup.file));
  damage(file);
  return file;
}

describe('a backup of a running app', () => {
  it('is one encrypted file in the chosen folder, and nothing half-written beside it', () => {
    expect(readdirSync(folder)).toEqual([path.basename(backup.file)]);
    expect(backup.file).toMatch(/chatdock-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.chatdock-backup$/);
    const bytes = readFileSync(backup.file);
    // The WhatsApp logins, the key secret and the photo are not readable in the file.
    expect(bytes.includes(photo.subarray(0, 64))).toBe(false);
    expect(bytes.includes(readFileSync(path.join(app.dataDir, 'key-secret')))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('wa_auth_creds'))).toBe(false);
    if (process.platform !== 'win32') expect(statSync(backup.file).mode & 0o777).toBe(0o600);
  });

  it('verifies without restoring, and says what it holds', async () => {
    const verified = await verifyBackup(backup.file, PASSPHRASE);
    expect(verified.manifest).toMatchObject({
      appVersion: '9.9.9',
      sessions: [{ id: 'shop', name: 'Shop', phone: null }],
      counts: { mediaFiles: 1, missingMedia: 0 },
    });
    expect(verified.files.map((f) => f.name)).toEqual([
      'chatdock.db',
      'key-secret',
      expect.stringMatching(/^media\/[0-9a-f]{2}\/[0-9a-f]{64}$/),
    ]);
  });

  it('refuses a wrong passphrase, naming the passphrase', async () => {
    const error = await verifyBackup(backup.file, 'wrong horse').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupFileError);
    expect(error).toMatchObject({
      problem: 'wrong_passphrase',
      code: 'VALIDATION_FAILED',
      field: 'passphrase',
    });
  });

  it('tells a cut-off, a changed and a foreign file apart', async () => {
    const size = readFileSync(backup.file).length;
    const cutMidRecord = damagedCopy('cut.chatdock-backup', (f) => truncateSync(f, size - 10));
    expect(await problemOf(verifyBackup(cutMidRecord, PASSPHRASE))).toBe('incomplete');
    const flipped = damagedCopy('flipped.chatdock-backup', (f) => {
      const bytes = readFileSync(f);
      bytes[Math.floor(size / 2)]! ^= 0x01;
      writeFileSync(f, bytes);
    });
    expect(await problemOf(verifyBackup(flipped, PASSPHRASE))).toBe('damaged');
    const foreign = path.join(root, 'notes.txt');
    writeFileSync(foreign, 'not a backup at all');
    expect(await problemOf(verifyBackup(foreign, PASSPHRASE))).toBe('not_a_backup');
  });

  it('a file cut exactly between two records is incomplete, not shorter but "good"', async () => {
    // The first record ends right after the header: 16 + 4 + header, then 4 + 64 KiB + 16.
    const bytes = readFileSync(backup.file);
    const headerEnd = 20 + bytes.readUInt32BE(16);
    const firstRecordEnd = headerEnd + 4 + bytes.readUInt32BE(headerEnd) + 16;
    const cut = damagedCopy('boundary.chatdock-backup', (f) => truncateSync(f, firstRecordEnd));
    expect(await problemOf(verifyBackup(cut, PASSPHRASE))).toBe('incomplete');
  });
});

describe('restore', () => {
  it('brings back the database, the media and the key secret: a named key still opens the API', async () => {
    const target = path.join(root, 'new-pc', 'Chatdock');
    const restored = await restoreBackup({ file: backup.file, passphrase: PASSPHRASE, dataDir: target });
    expect(restored.previous).toBeNull();
    const before = fingerprint(app.dataDir);
    const after = fingerprint(target);
    expect(after['key-secret']).toBe(before['key-secret']);
    const mediaFiles = Object.keys(before).filter((f) => f.startsWith('media'));
    expect(mediaFiles).toHaveLength(1);
    expect(after[mediaFiles[0]!]).toBe(before[mediaFiles[0]!]);
    expect(readdirSync(path.dirname(target))).toEqual(['Chatdock']);

    const second = await startTestCore({}, { dataDir: target });
    try {
      const sessions = await second.request('/api/v1/sessions', { key: namedKey });
      expect(sessions.status).toBe(200);
      expect(((await sessions.json()) as { items: { id: string }[] }).items.map((s) => s.id)).toEqual([
        'shop',
      ]);
    } finally {
      await second.stop();
    }
  });

  it('moves what the data dir held aside, and leaves it untouched when the backup is refused', async () => {
    const target = path.join(root, 'busy-pc', 'Chatdock');
    mkdirSync(target, { recursive: true });
    writeFileSync(path.join(target, 'chatdock.db'), 'the old data');
    const wrong = await problemOf(
      restoreBackup({ file: backup.file, passphrase: 'nope nope', dataDir: target }),
    );
    expect(wrong).toBe('wrong_passphrase');
    const flipped = damagedCopy('flipped-restore.chatdock-backup', (f) => {
      const bytes = readFileSync(f);
      bytes[bytes.length - 100]! ^= 0x01;
      writeFileSync(f, bytes);
    });
    expect(await problemOf(restoreBackup({ file: flipped, passphrase: PASSPHRASE, dataDir: target }))).toBe(
      'damaged',
    );
    expect(readdirSync(path.dirname(target))).toEqual(['Chatdock']);
    expect(readFileSync(path.join(target, 'chatdock.db'), 'utf8')).toBe('the old data');

    const restored = await restoreBackup({ file: backup.file, passphrase: PASSPHRASE, dataDir: target });
    expect(restored.previous).toMatch(/Chatdock\.before-restore-/);
    expect(readFileSync(path.join(restored.previous!, 'chatdock.db'), 'utf8')).toBe('the old data');
    expect(existsSync(path.join(target, 'key-secret'))).toBe(true);
  });

  it('sees that Chatdock is running on a data dir', () => {
    expect(dataDirInUse(app.dataDir)).toBe(true);
    expect(dataDirInUse(path.join(root, 'nowhere'))).toBe(false);
  });
});
