import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The file beside the database that holds this install's key-hashing secret. */
export const KEY_SECRET_FILE = 'key-secret';
const PREFIX = 'v2';
/** How many matched keys' hashes are remembered (keys in use at once: a few per integration). */
const MATCHED_KEYS_KEPT = 256;

/**
 * Hashes API keys for storage as HMAC-SHA-256, keyed with a random secret kept in its own file
 * (`<dataDir>/key-secret`, 0600), not in the database: a copy of the database alone (a backup, a
 * stolen disk image of it) cannot be used to test guesses of a key offline, which matters for the
 * one key a person may choose (`CHATDOCK_API_KEY`).
 *
 * Stored form: `v2:<secret id>:<hex HMAC of SHA-256(key)>`. The secret id tells whether a stored
 * hash was made with this install's secret (after the secret file is lost, the admin key is made
 * anew instead of locking the owner out). Hashing SHA-256(key) rather than the key lets the hashes
 * of earlier versions (plain SHA-256 hex) be upgraded in place without knowing the keys.
 */
export class KeyHasher {
  readonly secretId: string;
  /**
   * The stored hash of keys that matched a stored hash before (every keyed request hashes its
   * key: two digests, a visible share of a cheap request; issue #23 target 8). Only the hash is
   * remembered, a pure function of the key and this hasher's secret, never whether the key is
   * valid: the key's row is still read on every request, so a revoked, rotated, expired or
   * removed key fails at once (api/auth-freshness.test.ts). Keys that never matched are not
   * kept (a stream of wrong keys cannot grow it); bounded, emptied when full.
   */
  private readonly matched = new Map<string, string>();

  constructor(private readonly secret: Buffer) {
    this.secretId = createHash('sha256').update(secret).digest('hex').slice(0, 8);
  }

  /** The hasher of a data dir: its secret file, created (0600) on first use. */
  static forDataDir(dataDir: string): KeyHasher {
    const file = path.join(dataDir, KEY_SECRET_FILE);
    try {
      const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
      if (secret.length >= 32) return new KeyHasher(secret);
    } catch {
      // No secret yet: made below.
    }
    const secret = randomBytes(32);
    writeFileSync(file, secret.toString('hex') + '\n', { mode: 0o600 });
    return new KeyHasher(secret);
  }

  /** A hasher whose secret lives only in memory (in-memory databases in tests). */
  static ephemeral(): KeyHasher {
    return new KeyHasher(randomBytes(32));
  }

  hash(key: string): string {
    return this.fromDigest(createHash('sha256').update(key, 'utf8').digest());
  }

  /** Whether `stored` was made by this hasher from `key` (constant time). */
  matches(stored: string, key: string): boolean {
    const expected = Buffer.from(this.matched.get(key) ?? this.hash(key));
    const actual = Buffer.from(stored);
    const matches = expected.length === actual.length && timingSafeEqual(expected, actual);
    if (matches && !this.matched.has(key)) {
      if (this.matched.size >= MATCHED_KEYS_KEPT) this.matched.clear();
      this.matched.set(key, stored);
    }
    return matches;
  }

  /** Whether `stored` was made with this install's secret (false for other secrets and old hashes). */
  isCurrent(stored: string): boolean {
    return stored.startsWith(`${PREFIX}:${this.secretId}:`);
  }

  /** Whether `stored` is an earlier version's plain SHA-256 hex hash. */
  static isLegacy(stored: string): boolean {
    return /^[0-9a-f]{64}$/.test(stored);
  }

  /** The current form of a legacy SHA-256 hex hash of the same key. */
  upgrade(legacyHex: string): string {
    return this.fromDigest(Buffer.from(legacyHex, 'hex'));
  }

  private fromDigest(digest: Buffer): string {
    return `${PREFIX}:${this.secretId}:${createHmac('sha256', this.secret).update(digest).digest('hex')}`;
  }
}
