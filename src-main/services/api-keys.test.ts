import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection.js';
import { ApiKeyService, hashKey } from './api-keys.js';

function service() {
  const db = openDatabase(':memory:');
  return { db, keys: new ApiKeyService(db) };
}

describe('admin key', () => {
  it('is created on first run, shown once, and stored only as a hash', () => {
    const { db, keys } = service();
    const { created } = keys.ensureAdminKey(undefined);
    expect(created).toMatch(/^cd_[A-Za-z0-9_-]{43}$/);
    const rows = db.$client.prepare('SELECT hash, prefix FROM api_keys').all() as {
      hash: string;
      prefix: string;
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.hash).toBe(hashKey(created ?? ''));
    expect(JSON.stringify(rows)).not.toContain(created);
    expect(keys.adminStatus().revealOnce).toBe(created);
    expect(keys.acknowledgeAdminReveal().revealOnce).toBeNull();
    expect(keys.verify(created ?? '')).toMatchObject({ kind: 'admin' });
  });

  it('is not recreated on the next start', () => {
    const { db, keys } = service();
    const first = keys.ensureAdminKey(undefined).created ?? '';
    const again = new ApiKeyService(db).ensureAdminKey(undefined);
    expect(again.created).toBeNull();
    expect(new ApiKeyService(db).verify(first)).not.toBeNull();
  });

  it('follows CHATDOCK_API_KEY and refuses rotation then', () => {
    const { keys } = service();
    keys.ensureAdminKey('from-env');
    expect(keys.verify('from-env')).not.toBeNull();
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
