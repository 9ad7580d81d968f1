import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password (and PIN) hashing with scrypt from Node's own OpenSSL: memory-hard, so guessing a
 * stolen hash costs memory as well as time, and nothing to install or keep patched (argon2 would
 * need a native package). Each hash has its own 16-byte salt and carries its parameters, so they
 * can grow later without invalidating stored hashes:
 * `scrypt$<log2 N>$<r>$<p>$<salt b64url>$<hash b64url>`.
 */
export interface ScryptCost {
  log2N: number;
  r: number;
  p: number;
}

/** OWASP's recommended scrypt setting: N = 2^17, r = 8, p = 1 (128 MiB, ~0.3 s on a laptop core). */
export const DEFAULT_SCRYPT_COST: ScryptCost = { log2N: 17, r: 8, p: 1 };
/** For tests only: the same code path at a fraction of the cost. */
export const TEST_SCRYPT_COST: ScryptCost = { log2N: 10, r: 8, p: 1 };

const KEY_LENGTH = 32;

function derive(secret: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** cost.log2N,
    r: cost.r,
    p: cost.p,
    // scrypt needs 128 * N * r bytes; allow that plus room.
    maxmem: 256 * 2 ** cost.log2N * cost.r,
  };
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export class PasswordHasher {
  constructor(private readonly cost: ScryptCost = DEFAULT_SCRYPT_COST) {}

  async hash(secret: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await derive(secret, salt, this.cost);
    const { log2N, r, p } = this.cost;
    return `scrypt$${log2N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  }

  /** Whether `secret` matches `stored` (constant-time compare; false for a malformed hash). */
  async verify(stored: string | null, secret: string): Promise<boolean> {
    const parsed = stored ? parseHash(stored) : null;
    if (!parsed) {
      // Spend the same time as a real check, so a missing password does not answer faster.
      await derive(secret, randomBytes(16), this.cost);
      return false;
    }
    const key = await derive(secret, parsed.salt, parsed.cost);
    return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  }
}

function parseHash(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [log2N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  // Refuse absurd parameters (a tampered row must not make us allocate gigabytes).
  if (!(log2N >= 1 && log2N <= 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16)) return null;
  return {
    cost: { log2N, r, p },
    salt: Buffer.from(parts[4] ?? '', 'base64url'),
    key: Buffer.from(parts[5] ?? '', 'base64url'),
  };
}
