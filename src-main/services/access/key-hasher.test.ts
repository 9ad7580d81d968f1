/**
 * The hashes of matched keys are remembered (issue #23 target 8: every keyed request hashed its
 * key), their validity never: a key used a moment ago fails at once when revoked, rotated or
 * removed, and wrong keys are neither remembered nor let in.
 */
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { ApiKeyService } from './api-keys.js';
import { KeyHasher } from './key-hasher.js';
import { NamedKeyService } from './named-keys.js';

function setup() {
  const hasher = KeyHasher.ephemeral();
  const db = openDatabase(':memory:');
  return { db, hasher, keys: new ApiKeyService(db, undefined, hasher) };
}

const remembered = (hasher: KeyHasher) => (hasher as unknown as { matched: Map<string, string> }).matched;

describe('KeyHasher remembers the hash of matched keys only', () => {
  it('hashes a key that matched once, not on every use', () => {
    const { keys, hasher } = setup();
    const admin = keys.ensureAdminKey(undefined).created ?? '';
    expect(keys.verify(admin)).toMatchObject({ kind: 'admin' });
    const hash = vi.spyOn(hasher, 'hash');
    for (let i = 0; i < 5; i += 1) expect(keys.verify(admin)).toMatchObject({ kind: 'admin' });
    expect(hash).not.toHaveBeenCalled();
  });

  it('never remembers a wrong key, and a remembered key matches no other hash', () => {
    const { keys, hasher } = setup();
    const admin = keys.ensureAdminKey(undefined).created ?? '';
    keys.verify(admin);
    const nearMiss = admin.slice(0, -1) + (admin.endsWith('A') ? 'B' : 'A');
    for (let i = 0; i < 50; i += 1) {
      expect(keys.verify(nearMiss)).toBeNull();
      expect(keys.verify(`${admin.slice(0, 8)}wrong-${i}`)).toBeNull();
    }
    expect([...remembered(hasher).keys()]).toEqual([admin]);
    expect(hasher.matches(hasher.hash('another key'), admin)).toBe(false);
  });

  it('stays bounded however many valid keys are used', () => {
    const hasher = KeyHasher.ephemeral();
    for (let i = 0; i < 1000; i += 1) expect(hasher.matches(hasher.hash(`key-${i}`), `key-${i}`)).toBe(true);
    expect(remembered(hasher).size).toBeLessThanOrEqual(256);
  });
});

describe('a key just used is refused at once', () => {
  it('after the admin key is rotated', () => {
    const { keys } = setup();
    const old = keys.ensureAdminKey(undefined).created ?? '';
    for (let i = 0; i < 3; i += 1) expect(keys.verify(old)).not.toBeNull();
    const rotated = keys.rotateAdmin();
    expect(keys.verify(old)).toBeNull();
    expect(keys.verify(rotated.key)).not.toBeNull();
  });

  it('after a session key is reissued or the session removed', () => {
    const { db, keys } = setup();
    db.$client.prepare("INSERT INTO sessions (id, name) VALUES ('shop', 'Shop')").run();
    const first = keys.issueSessionKey('shop').key;
    for (let i = 0; i < 3; i += 1) expect(keys.verify(first)).toMatchObject({ sessionId: 'shop' });
    const second = keys.issueSessionKey('shop').key;
    expect(keys.verify(first)).toBeNull();
    expect(keys.verify(second)).toMatchObject({ sessionId: 'shop' });
    keys.removeSessionKeys('shop');
    expect(keys.verify(second)).toBeNull();
  });

  it('after a named key is revoked', () => {
    const { db, keys, hasher } = setup();
    const named = new NamedKeyService(db, undefined, hasher);
    const created = named.create({ name: 'CRM', scopes: ['messages:read'] });
    for (let i = 0; i < 3; i += 1) expect(keys.verify(created.key)).not.toBeNull();
    named.revoke(created.apiKey.id);
    expect(keys.verify(created.key)).toBeNull();
  });
});
