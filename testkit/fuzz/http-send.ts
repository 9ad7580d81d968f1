import { request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Sent byte for byte, dot segments and escapes included. */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer | (() => AsyncIterable<Buffer>);
}

export interface RawAnswer {
  status: number;
  body: string;
  /** The `Retry-After` header, when the answer has one (429). */
  retryAfter?: string;
}

/**
 * One HTTP request with node:http, so the path reaches the server exactly as written. Answers
 * the status and the first `maxBody` characters of the body; rejects when the connection fails or no answer comes
 * in `timeoutMs`.
 */
export function sendRaw(
  origin: string,
  raw: RawRequest,
  { timeoutMs = 30_000, maxBody = 2048 }: { timeoutMs?: number; maxBody?: number } = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        method: raw.method,
        path: raw.path,
        headers: raw.headers,
        timeout: timeoutMs,
        // A fresh connection each time: a kept-alive one the server is just closing would fail the
        // request for a reason that is not the server's answer.
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < maxBody) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8').slice(0, maxBody),
            ...(typeof response.headers['retry-after'] === 'string'
              ? { retryAfter: response.headers['retry-after'] }
              : {}),
          }),
        );
        response.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    const body = raw.body;
    if (typeof body === 'function') {
      void (async () => {
        try {
          for await (const chunk of body()) {
            if (req.destroyed) return;
            if (!req.write(chunk)) await new Promise((done) => req.once('drain', done));
          }
          req.end();
        } catch (error) {
          req.destroy(error as Error);
        }
      })();
    } else {
      req.end(body);
    }
  });
}
