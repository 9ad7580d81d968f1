/**
 * HTTPS media host. Baileys uploads with
 *   POST https://HOST/mms/<type>/<fileEncSha256>?auth=…&token=…   (body: encrypted media)
 * and expects JSON `{ url, direct_path }`; downloads fetch `https://<host of url><direct_path>`.
 * Both are hard-coded to https, hence the TEST-ONLY certificate (certs.ts). Blobs are kept in
 * memory and, with a state dir, under `stateDir/media/`. Range requests are honoured.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { loadMediaTlsOptions } from './certs.js';
import { warn } from './debug.js';

const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

export interface StoredMedia {
  url: string;
  directPath: string;
}

export type OddAnswer = { kind: 'redirect'; location: string } | { kind: 'stall' };

export class MediaServer {
  readonly authToken = randomBytes(16).toString('base64url');
  readonly maxBytes = MAX_UPLOAD_BYTES;
  private readonly blobs = new Map<string, Buffer>();
  /** Paths that answer unlike a stored file (tests of clients' download rules). */
  private readonly oddAnswers = new Map<string, OddAnswer>();
  private readonly server: Server;
  private port = 0;

  constructor(private readonly stateDir: string | undefined) {
    this.server = createServer(loadMediaTlsOptions(), (req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        warn('media request failed', error);
        if (!res.headersSent) {
          res.writeHead(500).end();
        }
      });
    });
  }

  /** `127.0.0.1:PORT`, as handed out in `<media_conn><host hostname/>`. */
  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  get baseUrl(): string {
    return `https://${this.host}`;
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        this.port = (this.server.address() as AddressInfo).port;
        resolve(this.port);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  /** Stores bytes the emulator itself publishes (e.g. a history sync blob). */
  put(bytes: Buffer): StoredMedia {
    const id = randomBytes(12).toString('hex');
    this.blobs.set(id, bytes);
    if (this.stateDir) {
      const dir = join(this.stateDir, 'media');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, id), bytes);
    }
    const directPath = `/m/${id}`;
    return { url: `${this.baseUrl}${directPath}`, directPath };
  }

  /**
   * A URL on this host that answers `answer` instead of a file: a redirect to `location` (a CDN
   * may answer so; a client that must not follow one can be tested against it), or a request
   * that is never answered (a stalled host; the connection stays open until the server closes).
   */
  odd(answer: OddAnswer): string {
    const id = randomBytes(12).toString('hex');
    this.oddAnswers.set(id, answer);
    return `${this.baseUrl}/m/${id}`;
  }

  private blob(id: string): Buffer | undefined {
    const cached = this.blobs.get(id);
    if (cached || !this.stateDir || !/^[0-9a-f]+$/.test(id)) {
      return cached;
    }
    const file = join(this.stateDir, 'media', id);
    return existsSync(file) ? readFileSync(file) : undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    if (req.method === 'POST') {
      const body = await readBody(req, this.maxBytes);
      const stored = this.put(body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ url: stored.url, direct_path: stored.directPath }));
      return;
    }
    const match = /^\/m\/([0-9a-f]+)$/.exec(url.pathname);
    const odd = match?.[1] ? this.oddAnswers.get(match[1]) : undefined;
    if (odd?.kind === 'redirect') {
      res.writeHead(302, { location: odd.location }).end();
      return;
    }
    if (odd?.kind === 'stall') return;
    const blob = match?.[1] ? this.blob(match[1]) : undefined;
    if (req.method !== 'GET' || !blob) {
      res.writeHead(404).end();
      return;
    }
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range && (range[1] || range[2])) {
      const start = range[1] ? Number(range[1]) : Math.max(0, blob.length - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), blob.length - 1) : blob.length - 1;
      res.writeHead(206, {
        'content-type': 'application/octet-stream',
        'content-range': `bytes ${start}-${end}/${blob.length}`,
        'content-length': String(end - start + 1),
      });
      res.end(blob.subarray(start, end + 1));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(blob.length) });
    res.end(blob);
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) {
      throw new Error(`upload larger than ${limit} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
