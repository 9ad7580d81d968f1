import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/connection.js';

/**
 * Media bytes in the data dir, named by the SHA-256 of their content (`media/ab/abcdef…`), so
 * the same file received twice is stored once. Writes go to a temp name first and are renamed,
 * so a crash never leaves a half file under a real name.
 */
export class MediaStore {
  private readonly root: string;

  constructor(
    dataDir: string,
    private readonly db: Db,
  ) {
    this.root = path.join(dataDir, 'media');
  }

  save(bytes: Buffer, mimetype: string): { sha256: string; size: number } {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const file = this.pathOf(sha256);
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, bytes);
      renameSync(temp, file);
    }
    this.db.$client
      .prepare(`INSERT OR IGNORE INTO media_files (sha256, mimetype, size) VALUES (?, ?, ?)`)
      .run(sha256, mimetype, bytes.length);
    return { sha256, size: bytes.length };
  }

  read(sha256: string): Buffer | null {
    return this.has(sha256) ? readFileSync(this.pathOf(sha256)) : null;
  }

  /** Whether the file is stored, without reading it. */
  has(sha256: string): boolean {
    return /^[0-9a-f]{64}$/.test(sha256) && existsSync(this.pathOf(sha256));
  }

  /**
   * Deletes stored files (their `media_files` rows are the caller's business). Only for files
   * nothing refers to any more: see SessionPurge.removeFiles.
   */
  remove(sha256s: readonly string[]): void {
    for (const sha256 of sha256s) {
      if (/^[0-9a-f]{64}$/.test(sha256)) rmSync(this.pathOf(sha256), { force: true });
    }
  }

  private pathOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }
}
