import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KEY_SECRET_FILE, KeyHasher } from './key-hasher.js';
import { ApiKeyService } from './api-keys.js';

function service(hasher = KeyHasher.ephemeral()) {
  const db = openDatabase(':memory:');
  return { db, hasher, keys: new ApiKeyService(db, undefined, hasher) };
}

describe('admin key', () => {
  it('is created on first run, shown once, and stored only as a hash', () => {
    const { db, keys, hasher } = service();
    const { created } = keys.ensureAdminKey(undefined);
    expect(created).toMatch(/^cd_[A-Za-z0-9_-]{43}$/);
    const rows = db.$client.prepare('SELECT hash, prefix FROM api_keys').all() as {
      hash: string;
      prefix: string;
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.hash).toBe(hasher.hash(created ?? ''));
    expect(rows[0]?.hash).toMatch(/^v2:[0-9a-f]{8}:[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(created);
    expect(keys.adminStatus().revealOnce).toBe(created);
    expect(keys.acknowledgeAdminReveal().revealOnce).toBeNull();
    expect(keys.verify(created ?? '')).toMatchObject({ kind: 'admin' });
  });

  it('is not recreated on the next start', () => {
    const { db, keys, hasher } = service();
    const first = keys.ensureAdminKey(undefined).created ?? '';
    const again = new ApiKeyService(db, undefined, hasher).ensureAdminKey(undefined);
    expect(again.created).toBeNull();
    expect(new ApiKeyService(db, undefined, hasher).verify(first)).not.toBeNull();
  });

  it('follows CHATDOCK_API_KEY and refuses rotation then', () => {
    const { keys } = service();
    keys.ensureAdminKey('a-key-the-owner-chose-24+');
    expect(keys.verify('a-key-the-owner-chose-24+')).not.toBeNull();
    expect(keys.adminStatus().managedByEnvironment).toBe(true);
    expect(() => keys.rotateAdmin()).toThrow(/CHATDOCK_API_KEY/);
  });

  it('rotation invalidates the old key at once', () => {
    const { keys } = service();
    const old = keys.ensureAdminKey(undefined).created ?? '';
    const rotated = keys.rotateAdmin();
    expect(keys.verify(old)).toBeNull();
    expect(keys.verify(rotated.key)).not.toBeNull();
    expect(keys.adminStatus().revealOnce).toBe(rotated.key);
  });

  it('rejects empty, unknown and near-miss keys', () => {
    const { keys } = service();
    const key = keys.ensureAdminKey(undefined).created ?? '';
    expect(keys.verify('')).toBeNull();
    expect(keys.verify('cd_unknown')).toBeNull();
    expect(keys.verify(key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A'))).toBeNull();
  });
});

describe('key hashing', () => {
  it('keeps its secret outside the database, owner-only, so a copied database cannot test guesses', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-keys-'));
    try {
      const hasher = KeyHasher.forDataDir(dir);
      const file = path.join(dir, KEY_SECRET_FILE);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(KeyHasher.forDataDir(dir).hash('k')).toBe(hasher.hash('k'));
      // A plain SHA-256 of the key (what a database-only attacker could compute) is not stored.
      const sha = createHash('sha256').update('k').digest('hex');
      expect(hasher.hash('k')).not.toContain(sha);
      expect(readFileSync(file, 'utf8')).not.toContain(sha);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('upgrades the plain SHA-256 hashes of earlier versions without the keys', () => {
    const { db, hasher, keys } = service();
    const key = keys.ensureAdminKey(undefined).created ?? '';
    const legacy = createHash('sha256').update(key, 'utf8').digest('hex');
    db.$client.prepare('UPDATE api_keys SET hash = ?').run(legacy);
    const upgraded = new ApiKeyService(db, undefined, hasher);
    expect(upgraded.verify(key)).toMatchObject({ kind: 'admin' });
    const stored = db.$client.prepare('SELECT hash FROM api_keys').get() as { hash: string };
    expect(stored.hash).toBe(hasher.hash(key));
  });

  it('makes a new admin key, shown once, when the secret file was lost', () => {
    const { db, keys } = service();
    const old = keys.ensureAdminKey(undefined).created ?? '';
    const afterLoss = new ApiKeyService(db, undefined, KeyHasher.ephemeral());
    const { created } = afterLoss.ensureAdminKey(undefined);
    expect(created).toMatch(/^cd_/);
    expect(afterLoss.verify(created ?? '')).toMatchObject({ kind: 'admin' });
    expect(afterLoss.verify(old)).toBeNull();
  });
});
