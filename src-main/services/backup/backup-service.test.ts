import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../../src-shared/contract/backups.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import { InternalSettings } from '../settings/internal-settings.js';
import { BackupService } from './backup-service.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'chatdock-backups-api-'));
const folder = path.join(root, 'Backups');
const PASSPHRASE = 'a passphrase kept on paper';
let app: TestCore;

beforeAll(async () => {
  mkdirSync(folder);
  app = await startTestCore();
  await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop', name: 'Shop' } });
});

afterAll(async () => {
  await app?.stop();
  rmSync(root, { recursive: true, force: true });
});

async function status(): Promise<BackupStatus> {
  return (await (await app.request('/api/v1/backups')).json()) as BackupStatus;
}

async function errorOf(response: Response) {
  return {
    status: response.status,
    ...((await response.json()) as { error: { code: string; field?: string } }).error,
  };
}

describe('/api/v1/backups', () => {
  it('starts with no folder, a daily schedule waiting for one, and nothing overdue', async () => {
    expect(await status()).toMatchObject({
      settings: {
        folder: null,
        schedule: 'daily',
        hasPassphrase: false,
        keep: { daily: 7, weekly: 4, monthly: 6 },
      },
      running: null,
      lastGood: null,
      overdue: false,
      nextDueAt: null,
      files: [],
    });
  });

  it('names the field that is wrong', async () => {
    const put = (json: unknown) => app.request('/api/v1/backups/settings', { method: 'PUT', json });
    expect(await errorOf(await put({ folder: path.join(root, 'missing') }))).toMatchObject({
      status: 400,
      field: 'folder',
    });
    expect(await errorOf(await put({ passphrase: 'short' }))).toMatchObject({
      status: 400,
      field: 'passphrase',
    });
    expect(await errorOf(await put({ schedule: 'hourly' }))).toMatchObject({
      status: 400,
      field: 'schedule',
    });
    expect(await errorOf(await app.request('/api/v1/backups', { method: 'POST' }))).toMatchObject({
      status: 400,
      field: 'folder',
    });
  });

  it('backs up on its own once a folder and a passphrase are set, then on demand, rotating old files', async () => {
    const put = await app.request('/api/v1/backups/settings', {
      method: 'PUT',
      json: { folder, passphrase: PASSPHRASE },
    });
    expect(put.status).toBe(200);
    expect(((await put.json()) as BackupStatus).settings).toMatchObject({ folder, hasPassphrase: true });
    await app.core.services.backups.settled();
    const first = await status();
    expect(first.lastGood).toMatchObject({ messages: 0 });
    expect(first.files.map((f) => f.name)).toEqual([first.lastGood!.name]);
    expect(first.overdue).toBe(false);
    expect(Date.parse(first.nextDueAt!) - Date.parse(first.lastGood!.createdAt)).toBe(24 * 3600_000);

    const now = await app.request('/api/v1/backups', { method: 'POST' });
    expect(now.status).toBe(202);
    expect(((await now.json()) as BackupStatus).running).not.toBeNull();
    expect((await errorOf(await app.request('/api/v1/backups', { method: 'POST' }))).status).toBe(409);
    await app.core.services.backups.settled();
    const second = await status();
    expect(second.lastGood!.name).not.toBe(first.lastGood!.name);
    // Keep 7 daily: of two backups on the same day only the newer stays.
    expect(readdirSync(folder)).toEqual([second.lastGood!.name]);
  });

  it('verifies a file in the folder, refusing a wrong passphrase by name', async () => {
    const { lastGood } = await status();
    const verify = (passphrase: string) =>
      app.request('/api/v1/backups/verify', { method: 'POST', json: { file: lastGood!.name, passphrase } });
    expect(await errorOf(await verify('not the passphrase'))).toMatchObject({
      status: 400,
      field: 'passphrase',
    });
    const ok = await verify(PASSPHRASE);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      file: path.join(folder, lastGood!.name),
      sessions: [{ id: 'shop', name: 'Shop', phone: null }],
      counts: { messages: 0, mediaFiles: 0 },
    });
  });

  it('is for admins only', async () => {
    const created = await app.request('/api/v1/keys', {
      method: 'POST',
      json: { name: 'reader', scopes: ['messages:read'] },
    });
    const { key } = (await created.json()) as { key: string };
    expect((await app.request('/api/v1/backups', { key })).status).toBe(403);
  });

  it('warns when the last good backup is older than the schedule promises', async () => {
    const { lastGood } = await status();
    const later = (hours: number) =>
      new BackupService({
        db: app.core.db,
        dataDir: app.dataDir,
        internal: new InternalSettings(app.core.db),
        logger: app.core.logger,
        appVersion: 'test',
        now: () => new Date(Date.parse(lastGood!.createdAt) + hours * 3600_000),
      }).status();
    expect(later(24.5).overdue).toBe(false);
    expect(later(26).overdue).toBe(true);
  });

  it('reports a failed backup (the disk was unplugged) without losing the last good one', async () => {
    const before = await status();
    rmSync(folder, { recursive: true });
    expect((await app.request('/api/v1/backups', { method: 'POST' })).status).toBe(202);
    await app.core.services.backups.settled();
    const after = await status();
    expect(after.lastError?.message).toContain('does not exist');
    expect(after.lastGood).toEqual(before.lastGood);
    expect(after.files).toEqual([]);
  });
});
