import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupStatus, PreparedRestore } from '../../../src-shared/contract/backups.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import { fingerprint, testKey } from '../../../testkit/support/backup-helpers.js';
import { createBackup, type CreatedBackup } from './create-backup.js';
import { applyPendingRestore, prepareRestore } from './restore-backup.js';

/**
 * "Restore from a backup" in a running app: the file is decrypted and checked beside the data
 * dir while the app runs on it, and switched in at the next start, before anything opens it.
 */
const PASSPHRASE = 'correct horse battery staple';
const root = mkdtempSync(path.join(os.tmpdir(), 'chatdock-restore-start-'));
let backup: CreatedBackup;

beforeAll(async () => {
  const old = await startTestCore();
  await old.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop', name: 'Shop' } });
  mkdirSync(path.join(root, 'disk'));
  backup = await createBackup({
    sqlite: old.core.db.$client,
    dataDir: old.dataDir,
    folder: path.join(root, 'disk'),
    key: await testKey(PASSPHRASE),
    appVersion: '9.9.9',
  });
  await old.stop();
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function sessionIds(app: TestCore): string[] {
  return (app.core.db.$client.prepare('SELECT id FROM sessions').all() as { id: string }[]).map((r) => r.id);
}

describe('restore from the running app', () => {
  it('a fresh install restores through the API and uses the backup from its next start', async () => {
    const dataDir = path.join(root, 'new-pc', 'Chatdock');
    let app = await startTestCore({}, { dataDir });
    try {
      expect(sessionIds(app)).toEqual([]);
      const wrong = await app.request('/api/v1/backups/restore', {
        method: 'POST',
        json: { file: backup.file, passphrase: 'not it', confirm: true },
      });
      expect(wrong.status).toBe(400);
      expect(((await wrong.json()) as { error: { field: string } }).error.field).toBe('passphrase');
      expect(existsSync(`${dataDir}.restore-ready`)).toBe(false);

      const response = await app.request('/api/v1/backups/restore', {
        method: 'POST',
        json: { file: backup.file, passphrase: PASSPHRASE, confirm: true },
      });
      expect(response.status).toBe(200);
      const prepared = (await response.json()) as PreparedRestore;
      expect(prepared).toMatchObject({ restartNeeded: true, appVersion: '9.9.9' });
      expect(prepared.sessions.map((s) => s.id)).toEqual(['shop']);
      // Nothing changes until the restart: the running app keeps its (empty) data, and says a restore waits.
      expect(sessionIds(app)).toEqual([]);
      expect(((await (await app.request('/api/v1/backups')).json()) as BackupStatus).restorePending).toBe(
        true,
      );

      await app.core.stop();
      app = await startTestCore({}, { dataDir });
      expect(sessionIds(app)).toEqual(['shop']);
      expect(((await (await app.request('/api/v1/backups')).json()) as BackupStatus).restorePending).toBe(
        false,
      );
      const kept = readdirSync(path.dirname(dataDir)).filter((name) =>
        name.startsWith('Chatdock.before-restore-'),
      );
      expect(kept).toHaveLength(1);
    } finally {
      await app.stop();
    }
  });

  it('an installation with numbers is only replaced when the owner confirms', async () => {
    const app = await startTestCore();
    try {
      await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'branch', name: 'Branch' } });
      const refused = await app.request('/api/v1/backups/restore', {
        method: 'POST',
        json: { file: backup.file, passphrase: PASSPHRASE, confirm: true },
      });
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { error: { field: string } }).error.field).toBe('replace');
      const missing = await app.request('/api/v1/backups/restore', {
        method: 'POST',
        json: {
          file: path.join(root, 'nowhere.chatdock-backup'),
          passphrase: PASSPHRASE,
          replace: true,
          confirm: true,
        },
      });
      expect(missing.status).toBe(400);
      expect(((await missing.json()) as { error: { field: string } }).error.field).toBe('file');
      const confirmed = await app.request('/api/v1/backups/restore', {
        method: 'POST',
        json: { file: backup.file, passphrase: PASSPHRASE, replace: true, confirm: true },
      });
      expect(confirmed.status).toBe(200);
    } finally {
      await app.core.stop();
      rmSync(`${app.dataDir}.restore-ready`, { recursive: true, force: true });
      rmSync(app.dataDir, { recursive: true, force: true });
    }
  });

  it('a start killed between the two renames finishes the switch at the next start', async () => {
    const dataDir = path.join(root, 'killed', 'Chatdock');
    mkdirSync(dataDir, { recursive: true });
    await prepareRestore({ file: backup.file, passphrase: PASSPHRASE, dataDir });
    const restored = fingerprint(`${dataDir}.restore-ready`);
    // The first rename happened (old data set aside), the second did not.
    renameSync(dataDir, `${dataDir}.before-restore-earlier`);
    expect(applyPendingRestore(dataDir)).toEqual({ previous: null });
    expect(fingerprint(dataDir)).toEqual(restored);
    expect(existsSync(`${dataDir}.restore-ready`)).toBe(false);
    expect(applyPendingRestore(dataDir)).toBeNull();
  });
});
