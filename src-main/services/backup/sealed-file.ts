import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { z } from 'zod';
import { BackupFileError } from './backup-errors.js';
import { BackupKey, type KdfHeader } from './backup-key.js';

/**
 * The encrypted container of a backup file:
 *
 *     "CHATDOCK-BACKUP\n"   16 bytes
 *     u32 BE n, header      n bytes of JSON (SealedHeader), in clear: what is needed to derive the key
 *     records               u32 BE length L (≤ chunkSize), L bytes AES-256-GCM ciphertext, 16-byte tag
 *
 * Each record seals the next chunk of the plaintext stream. The 12-byte nonce is the record's
 * number (11 bytes, big-endian) and a last-record flag (the STREAM construction of Hoang, Reyhanitabar,
 * Rogaway and Vizár, as used by age and Tink): records cannot be reordered, dropped or repeated, and
 * a file cut short after any record fails because its last record was not sealed as the last.
 * Every record authenticates a hash of the header too, so the key settings cannot be swapped.
 */
const MAGIC = Buffer.from('CHATDOCK-BACKUP\n', 'latin1');
const TAG_BYTES = 16;
const DEFAULT_CHUNK = 64 * 1024;
const MAX_CHUNK = 16 * 1024 * 1024;
const MAX_HEADER = 64 * 1024;

const headerSchema = z.object({
  format: z.literal(1),
  cipher: z.literal('aes-256-gcm'),
  chunkSize: z.number().int().min(1024).max(MAX_CHUNK),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: z.string(),
    check: z.string(),
  }),
  /** base64: the file key is HKDF(master key, fileSalt). */
  fileSalt: z.string(),
  createdAt: z.string(),
  appVersion: z.string(),
});

type SealedHeader = z.infer<typeof headerSchema>;

function nonce(index: number, last: boolean): Buffer {
  const bytes = Buffer.alloc(12);
  bytes.writeBigUInt64BE(BigInt(index), 3);
  bytes[11] = last ? 1 : 0;
  return bytes;
}

function headerBytes(header: SealedHeader): { prefix: Buffer; aad: Buffer } {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  const prefix = Buffer.concat([MAGIC, length, json]);
  return { prefix, aad: createHash('sha256').update(prefix).digest() };
}

/** Writes a sealed file. Create it under a temporary name: it is only complete after `finish()`. */
export class SealedFileWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  private written = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly key: Buffer,
    private readonly aad: Buffer,
    private readonly chunkSize: number,
  ) {}

  static async create(
    file: string,
    key: BackupKey,
    info: { createdAt: string; appVersion: string; chunkSize?: number },
  ): Promise<SealedFileWriter> {
    const fileSalt = randomBytes(32);
    const header: SealedHeader = {
      format: 1,
      cipher: 'aes-256-gcm',
      chunkSize: info.chunkSize ?? DEFAULT_CHUNK,
      kdf: key.kdf,
      fileSalt: fileSalt.toString('base64'),
      createdAt: info.createdAt,
      appVersion: info.appVersion,
    };
    const { prefix, aad } = headerBytes(header);
    // 'wx': never overwrite, even a file of the same temporary name.
    const handle = await open(file, 'wx', 0o600);
    const writer = new SealedFileWriter(handle, key.fileKey(fileSalt), aad, header.chunkSize);
    await writer.raw(prefix);
    return writer;
  }

  /** Bytes written to the file so far. */
  get size(): number {
    return this.written;
  }

  async write(bytes: Buffer): Promise<void> {
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    // Strictly more than one chunk: the last chunk is sealed only by finish().
    while (this.pendingBytes > this.chunkSize) {
      const all = Buffer.concat(this.pending);
      await this.seal(all.subarray(0, this.chunkSize), false);
      const rest = all.subarray(this.chunkSize);
      this.pending = [rest];
      this.pendingBytes = rest.length;
    }
  }

  /** Seals the last record and makes the bytes durable (fsync), then closes the file. */
  async finish(): Promise<void> {
    await this.seal(Buffer.concat(this.pending), true);
    this.pending = [];
    this.pendingBytes = 0;
    await this.handle.sync();
    await this.handle.close();
  }

  /** Closes without sealing the last record (the caller deletes the file). */
  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }

  private async seal(chunk: Buffer, last: boolean): Promise<void> {
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce(this.index++, last));
    cipher.setAAD(this.aad);
    const ciphertext = Buffer.concat([cipher.update(chunk), cipher.final()]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(ciphertext.length);
    await this.raw(Buffer.concat([length, ciphertext, cipher.getAuthTag()]));
  }

  private async raw(bytes: Buffer): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, offset, bytes.length - offset, this.written);
      offset += bytesWritten;
      this.written += bytesWritten;
    }
  }
}

/** A sealed file opened for reading: its header in clear, and its plaintext once the passphrase fits. */
export class SealedFileReader {
  private constructor(
    private readonly file: string,
    readonly header: SealedHeader,
    private readonly bodyStart: number,
    readonly fileSize: number,
    private readonly aad: Buffer,
  ) {}

  /** Reads and checks the header; BackupFileError when the file is not a backup this version reads. */
  static async open(file: string): Promise<SealedFileReader> {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      const start = Buffer.alloc(MAGIC.length + 4);
      const { bytesRead } = await handle.read(start, 0, start.length, 0);
      if (bytesRead < start.length || !start.subarray(0, MAGIC.length).equals(MAGIC)) {
        throw new BackupFileError('not_a_backup', 'This file is not a Chatdock backup.');
      }
      const length = start.readUInt32BE(MAGIC.length);
      if (length > MAX_HEADER || start.length + length > size) {
        throw new BackupFileError('damaged', 'The backup file is damaged: its header is cut off.');
      }
      const json = Buffer.alloc(length);
      await handle.read(json, 0, length, start.length);
      let header: SealedHeader;
      try {
        const parsed = headerSchema.safeParse(JSON.parse(json.toString('utf8')));
        if (!parsed.success) throw new Error(parsed.error.message);
        header = parsed.data;
      } catch {
        throw new BackupFileError(
          'unsupported_version',
          'This backup was made by a version of Chatdock this one cannot read.',
        );
      }
      const prefix = Buffer.concat([start, json]);
      return new SealedFileReader(
        file,
        header,
        prefix.length,
        size,
        createHash('sha256').update(prefix).digest(),
      );
    } finally {
      await handle.close();
    }
  }

  /** Derives the key (slow: scrypt); BackupFileError('wrong_passphrase') when it does not fit. */
  unlock(passphrase: string): Promise<BackupKey> {
    return BackupKey.forHeader(passphrase, this.header.kdf as KdfHeader);
  }

  /**
   * The plaintext, chunk by chunk, each authenticated before it is handed out. Throws
   * BackupFileError('incomplete' | 'damaged') at the first record that fails.
   */
  async *plaintext(key: BackupKey): AsyncGenerator<Buffer> {
    const fileKey = key.fileKey(Buffer.from(this.header.fileSalt, 'base64'));
    const handle = await open(this.file, 'r');
    try {
      let position = this.bodyStart;
      let index = 0;
      const lengthBytes = Buffer.alloc(4);
      for (;;) {
        if (position === this.fileSize) {
          throw new BackupFileError(
            'incomplete',
            'The backup file is incomplete: it ends before its last part.',
          );
        }
        const got = await handle.read(lengthBytes, 0, 4, position);
        const length = got.bytesRead === 4 ? lengthBytes.readUInt32BE(0) : -1;
        if (
          length < 0 ||
          length > this.header.chunkSize ||
          position + 4 + length + TAG_BYTES > this.fileSize
        ) {
          throw new BackupFileError(
            'incomplete',
            'The backup file is incomplete: it was cut off while being written.',
          );
        }
        const record = Buffer.alloc(length + TAG_BYTES);
        await handle.read(record, 0, record.length, position + 4);
        position += 4 + record.length;
        const last = position === this.fileSize;
        const plain = this.open(fileKey, index, last, record);
        if (!plain) {
          // A record that opens as "not the last" at the end of the file: the rest is missing.
          if (last && this.open(fileKey, index, false, record)) {
            throw new BackupFileError(
              'incomplete',
              'The backup file is incomplete: it was cut off while being written.',
            );
          }
          throw new BackupFileError('damaged', 'The backup file is damaged: part of it was changed or lost.');
        }
        index++;
        yield plain;
        if (last) return;
      }
    } finally {
      await handle.close();
    }
  }

  private open(key: Buffer, index: number, last: boolean, record: Buffer): Buffer | null {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, nonce(index, last));
      decipher.setAAD(this.aad);
      decipher.setAuthTag(record.subarray(record.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(record.subarray(0, record.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      return null;
    }
  }
}
