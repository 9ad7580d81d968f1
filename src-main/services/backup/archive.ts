import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { BackupFileError } from './backup-errors.js';

/**
 * The plaintext inside a sealed backup file: entries one after another, each
 * `u32 BE n, n bytes of JSON {name, size}, size bytes`, the last one `manifest.json`, which lists
 * every other entry with its size and SHA-256. Entry names are a fixed set of data-dir paths
 * (`isEntryName`), so a restore can never write outside its folder.
 */
const MANIFEST_ENTRY = 'manifest.json';

export interface ArchivedFile {
  name: string;
  size: number;
  sha256: string;
}

/** Where the bytes go: the sealed file's writer, or anything with the same `write`. */
interface ByteSink {
  write(bytes: Buffer): Promise<void>;
}

function isEntryName(name: string): boolean {
  return (
    name === 'chatdock.db' ||
    name === 'key-secret' ||
    name === 'config.json' ||
    /^media\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(name)
  );
}

function entryHeader(name: string, size: number): Buffer {
  const json = Buffer.from(JSON.stringify({ name, size }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([length, json]);
}

export class ArchiveWriter {
  readonly files: ArchivedFile[] = [];

  constructor(private readonly sink: ByteSink) {}

  async addBuffer(name: string, bytes: Buffer): Promise<void> {
    await this.sink.write(entryHeader(name, bytes.length));
    await this.sink.write(bytes);
    this.files.push({ name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }

  /**
   * Streams a file that does not change while it is read (a database snapshot, content-addressed
   * media). `size` is taken before reading; a file that turns out shorter or longer is an error.
   */
  async addFile(name: string, file: string, size: number, onBytes?: (n: number) => void): Promise<void> {
    await this.sink.write(entryHeader(name, size));
    const hash = createHash('sha256');
    let read = 0;
    for await (const piece of createReadStream(file, { highWaterMark: 256 * 1024 })) {
      const bytes = piece as Buffer;
      read += bytes.length;
      if (read > size) throw new Error(`${name} grew while it was being backed up`);
      hash.update(bytes);
      await this.sink.write(bytes);
      onBytes?.(bytes.length);
    }
    if (read !== size) throw new Error(`${name} shrank while it was being backed up`);
    this.files.push({ name, size, sha256: hash.digest('hex') });
  }

  /** Writes the manifest (which lists every entry written before it) as the last entry. */
  async finish(manifest: object): Promise<void> {
    const bytes = Buffer.from(JSON.stringify({ ...manifest, files: this.files }), 'utf8');
    await this.sink.write(entryHeader(MANIFEST_ENTRY, bytes.length));
    await this.sink.write(bytes);
  }
}

/** Pulls exact byte counts out of a stream of chunks. */
class ByteSource {
  private buffered: Buffer = Buffer.alloc(0);
  private done = false;

  constructor(private readonly chunks: AsyncIterator<Buffer>) {}

  /** Up to `max` bytes (at least one), or null at the end of the stream. */
  async some(max: number): Promise<Buffer | null> {
    while (this.buffered.length === 0) {
      if (this.done) return null;
      const next = await this.chunks.next();
      if (next.done) this.done = true;
      else this.buffered = next.value;
    }
    const out = this.buffered.subarray(0, max);
    this.buffered = this.buffered.subarray(out.length);
    return out;
  }

  async exactly(n: number): Promise<Buffer | null> {
    const parts: Buffer[] = [];
    let got = 0;
    while (got < n) {
      const part = await this.some(n - got);
      if (!part) return got === 0 ? null : damaged('an entry is cut off');
      parts.push(part);
      got += part.length;
    }
    return Buffer.concat(parts);
  }

  async atEnd(): Promise<boolean> {
    const part = await this.some(1);
    if (!part) return true;
    this.buffered = Buffer.concat([part, this.buffered]);
    return false;
  }
}

function damaged(what: string): never {
  throw new BackupFileError('damaged', `The backup file is damaged: ${what}.`);
}

export interface ArchiveEntry {
  name: string;
  size: number;
  /** The entry's bytes; read them all before asking for the next entry. */
  data: AsyncIterable<Buffer>;
}

/**
 * The entries of an archive, each checked against the manifest at the end: the manifest must list
 * exactly the entries seen, with their sizes and hashes. Yields the manifest's JSON last.
 */
export async function* readArchive(
  plaintext: AsyncIterable<Buffer>,
): AsyncGenerator<ArchiveEntry, { manifest: Record<string, unknown>; files: ArchivedFile[] }> {
  const source = new ByteSource(plaintext[Symbol.asyncIterator]());
  const seen: ArchivedFile[] = [];
  for (;;) {
    const lengthBytes = await source.exactly(4);
    if (!lengthBytes) damaged('its table of contents is missing');
    const length = lengthBytes.readUInt32BE(0);
    if (length > 4096) damaged('an entry header is too long');
    const headerBytes = await source.exactly(length);
    let header: { name?: unknown; size?: unknown };
    try {
      header = JSON.parse(headerBytes?.toString('utf8') ?? '') as typeof header;
    } catch {
      return damaged('an entry header is unreadable');
    }
    const { name, size } = header;
    if (typeof name !== 'string' || typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
      return damaged('an entry header is unreadable');
    }
    if (name === MANIFEST_ENTRY) {
      if (size > 64 * 1024 * 1024) damaged('its table of contents is too large');
      const bytes = (await source.exactly(size)) ?? Buffer.alloc(0);
      if (bytes.length !== size || !(await source.atEnd())) damaged('data follows its table of contents');
      const manifest = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
      const files = manifest.files as ArchivedFile[] | undefined;
      const matches =
        Array.isArray(files) &&
        files.length === seen.length &&
        files.every(
          (f, i) => f.name === seen[i]?.name && f.size === seen[i]?.size && f.sha256 === seen[i]?.sha256,
        );
      if (!matches) damaged('its contents do not match its table of contents');
      return { manifest, files: seen };
    }
    if (!isEntryName(name)) damaged(`it holds an unexpected entry (${name.slice(0, 80)})`);
    const hash = createHash('sha256');
    let remaining = size;
    async function* data(): AsyncGenerator<Buffer> {
      while (remaining > 0) {
        const part = await source.some(Math.min(remaining, 1024 * 1024));
        if (!part) damaged(`${name} is cut off`);
        remaining -= part.length;
        hash.update(part);
        yield part;
      }
    }
    yield { name, size, data: data() };
    // Whatever the consumer left unread is still hashed, so the manifest check sees all of it.
    while (remaining > 0) {
      const part = await source.some(Math.min(remaining, 1024 * 1024));
      if (!part) damaged(`${name} is cut off`);
      remaining -= part.length;
      hash.update(part);
    }
    seen.push({ name, size, sha256: hash.digest('hex') });
  }
}
