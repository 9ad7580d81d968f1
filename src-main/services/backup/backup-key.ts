import { createHash, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { BackupFileError } from './backup-errors.js';

/**
 * scrypt's cost parameters. N = 2^17, r = 8 (128 MiB, ~0.3 s on a desktop CPU) is the
 * OWASP-recommended setting for a passphrase that guards data an attacker may copy and attack
 * offline for as long as they like (a lost external disk).
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** What a backup file may ask for: refuses files that would make the reader spend gigabytes. */
const MAX_SCRYPT_N = 2 ** 20;
const MAX_SCRYPT_R = 16;
const MAX_SCRYPT_P = 4;

/** The part of a backup header that describes the passphrase's key. */
export interface KdfHeader {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64 */
  salt: string;
  /** base64 SHA-256 of the check half of the derived key: tells a wrong passphrase from damage. */
  check: string;
}

/**
 * The key a passphrase stands for. Derived once (scrypt is slow on purpose) and kept, so
 * scheduled backups need the derived key, not the passphrase. Each file is sealed with its own
 * key, HKDF(master, file salt), so the per-chunk nonce counter may start at zero in every file.
 */
export class BackupKey {
  private constructor(
    readonly kdf: KdfHeader,
    private readonly master: Buffer,
  ) {}

  static async fromPassphrase(passphrase: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<BackupKey> {
    const salt = randomBytes(16);
    const derived = await derive(passphrase, salt, params);
    const kdf: KdfHeader = {
      name: 'scrypt',
      ...params,
      salt: salt.toString('base64'),
      check: checkOf(derived).toString('base64'),
    };
    return new BackupKey(kdf, derived.subarray(0, 32));
  }

  /** The key of an existing file's header; BackupFileError('wrong_passphrase') when it does not match. */
  static async forHeader(passphrase: string, kdf: KdfHeader): Promise<BackupKey> {
    if (
      kdf.name !== 'scrypt' ||
      !isPowerOfTwo(kdf.N) ||
      kdf.N > MAX_SCRYPT_N ||
      !(kdf.r >= 1 && kdf.r <= MAX_SCRYPT_R) ||
      !(kdf.p >= 1 && kdf.p <= MAX_SCRYPT_P)
    ) {
      throw new BackupFileError(
        'unsupported_version',
        'This backup uses key settings Chatdock does not accept.',
      );
    }
    const derived = await derive(passphrase, Buffer.from(kdf.salt, 'base64'), kdf);
    const expected = Buffer.from(kdf.check, 'base64');
    const actual = checkOf(derived);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      throw new BackupFileError('wrong_passphrase', 'The passphrase does not open this backup.');
    }
    return new BackupKey(kdf, derived.subarray(0, 32));
  }

  /** A saved key (see `toJSON`), for scheduled backups. */
  static fromJSON(saved: { kdf: KdfHeader; master: string }): BackupKey {
    return new BackupKey(saved.kdf, Buffer.from(saved.master, 'base64'));
  }

  toJSON(): { kdf: KdfHeader; master: string } {
    return { kdf: this.kdf, master: this.master.toString('base64') };
  }

  /** The AES-256 key of one file. */
  fileKey(fileSalt: Buffer): Buffer {
    return Buffer.from(hkdfSync('sha256', this.master, fileSalt, 'chatdock backup file key v1', 32));
  }
}

function derive(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // 64 bytes: the first half is the master key, the second only feeds the check value.
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      64,
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 16 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

function checkOf(derived: Buffer): Buffer {
  return createHash('sha256').update(derived.subarray(32)).digest();
}

function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;
}
