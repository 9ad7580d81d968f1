import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from '../../core/paths.js';
import { MediaStore } from '../messages/media-store.js';
import { startTestCore } from '../../../testkit/support/test-core.js';
import { BackupFileError } from './backup-errors.js';
import { fingerprint } from '../../../testkit/support/backup-helpers.js';
import { verifyBackup } from './verify-backup.js';

/**
 * SIGKILL in the middle of a backup and of a restore (real processes, killed for real): a killed
 * backup leaves no file that looks like a backup, a killed restore leaves the old data as it was.
 */
const PASSPHRASE = 'kill -9 proof passphrase';
const root = mkdtempSync(path.join(os.tmpdir(), 'chatdock-backup-crash-'));
const dataDir = path.join(root, 'Chatdock');
const folder = path.join(root, 'backups');
const children: ChildProcess[] = [];

beforeAll(async () => {
  mkdirSync(folder);
  const app = await startTestCore({}, { dataDir });
  await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop', name: 'Shop' } });
  const media = new MediaStore(dataDir, app.core.db);
  // Enough files that the backup reports progress many times before it is done.
  for (let i = 0; i < 40; i++) media.save(randomBytes(200_000), 'image/jpeg');
  await app.core.stop();
});

afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

/** Runs the child; with `killAt`, SIGKILLs it at its first output line matching. */
function runChild(args: string[], killAt?: RegExp): Promise<{ output: string; killed: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'testkit/support/backup-child.ts', ...args], {
    cwd: appRoot(),
    env: { ...process.env, CHATDOCK_BACKUP_PASSPHRASE: PASSPHRASE },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (killAt && killAt.test(output) && child.exitCode === null) child.kill('SIGKILL');
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (_code, signal) => resolve({ output, killed: signal === 'SIGKILL' }));
  });
}

describe('SIGKILL', () => {
  it('during a backup leaves only a ".partial" file, which verification refuses as incomplete', async () => {
    const { killed, output } = await runChild(['backup', dataDir, folder], /progress files [1-9]\d*\//);
    expect(killed, output).toBe(true);
    const names = readdirSync(folder);
    expect(names.filter((n) => n.endsWith('.chatdock-backup'))).toEqual([]);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/\.chatdock-backup\.partial$/);
    // Verification refuses it, so even renamed by hand it is not taken for a good backup.
    const error = await verifyBackup(path.join(folder, names[0]!), PASSPHRASE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupFileError);
    expect((error as BackupFileError).problem).toBe('incomplete');
    rmSync(path.join(folder, names[0]!));
    // The snapshot the killed backup was copying from stayed inside the (private) data dir, and
    // the next backup clears it.
    expect(readdirSync(root).sort()).toEqual(['Chatdock', 'backups']);
    expect(readdirSync(path.join(dataDir, 'backup-work'))).toHaveLength(1);
  }, 60_000);

  it('during a restore leaves the data dir as it was; the next restore completes', async () => {
    const made = await runChild(['backup', dataDir, folder]);
    const file = /done (.+)\n/.exec(made.output)?.[1];
    expect(file, made.output).toBeDefined();
    expect(readdirSync(path.join(dataDir, 'backup-work'))).toEqual([]);
    const before = fingerprint(dataDir);

    const { killed, output } = await runChild(['restore', file!, dataDir], /progress [1-9]\d{6,}\//);
    expect(killed, output).toBe(true);
    expect(fingerprint(dataDir)).toEqual(before);
    // What it had decrypted so far is in a folder beside the data dir, not in it.
    expect(readdirSync(root).filter((n) => n.startsWith('Chatdock.restoring-'))).toHaveLength(1);

    // The command-line restore finishes the job and clears what the killed one left.
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src-main/backup-cli.ts', 'restore', file!, '--data-dir', dataDir],
      { cwd: appRoot(), env: { ...process.env, CHATDOCK_BACKUP_PASSPHRASE: PASSPHRASE }, encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain(`Restored into ${dataDir}`);
    const siblings = readdirSync(root);
    expect(siblings.filter((n) => n.startsWith('Chatdock.restoring-'))).toEqual([]);
    const previous = siblings.find((n) => n.startsWith('Chatdock.before-restore-'));
    expect(previous).toBeDefined();
    expect(fingerprint(path.join(root, previous!))).toEqual(before);
    const restored = fingerprint(dataDir);
    for (const [name, hash] of Object.entries(before)) {
      if (name.startsWith('media') || name === 'key-secret') expect(restored[name]).toBe(hash);
    }
    expect(existsSync(path.join(dataDir, 'chatdock.db'))).toBe(true);
  }, 90_000);
});
