import type { Context, Middleware } from 'koa';
import { AppError } from '../../src-shared/errors.js';

/**
 * Media may come inline as base64 in JSON (a 100 MB document is ~134 MB of base64), so the
 * limit is set by the largest file WhatsApp accepts. Bodies are read only after the key check.
 */
const DEFAULT_JSON_LIMIT = 140 * 1024 * 1024;

async function readBody(ctx: Context, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Parses JSON request bodies into `ctx.request.body`. Other content types are left for the
 * route (multipart uploads stream). Malformed JSON is a 400 naming `body`.
 */
export function jsonBody(limit = DEFAULT_JSON_LIMIT): Middleware {
  return async (ctx, next) => {
    if (ctx.method === 'GET' || ctx.method === 'HEAD' || (ctx.method === 'DELETE' && !ctx.request.length)) {
      return next();
    }
    if (ctx.request.is('application/json', '+json')) {
      const raw = await readBody(ctx, limit);
      const text = raw.toString('utf8');
      try {
        (ctx.request as { body?: unknown }).body = text.trim() ? (JSON.parse(text) as unknown) : {};
      } catch {
        throw new AppError('VALIDATION_FAILED', 'body: not valid JSON', 'body');
      }
    }
    return next();
  };
}

export function requestBody(ctx: Context): unknown {
  return (ctx.request as { body?: unknown }).body;
}
