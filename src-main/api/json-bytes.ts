import type { Middleware } from 'koa';

/**
 * Sends a JSON answer as its UTF-8 bytes. Koa sends an object body as a string: it measures the
 * string's UTF-8 length (a pass over it) and the socket encodes it again (a second pass); encoded
 * once here, the length is the buffer's and the bytes go out as they are. A chat-list page is
 * ~32 KB (docs/PERFORMANCE.md, "Session 23: REST throughput"). The Content-Type stays the one
 * Koa set for the object (`application/json; charset=utf-8`); the bytes are the same.
 */
export function jsonBytes(): Middleware {
  return async (ctx, next) => {
    await next();
    const body: unknown = ctx.body;
    // Only the answers of the handlers: plain objects and arrays. Anything else (nothing, text,
    // bytes, streams, blobs) is Koa's to send as it does.
    if (!isPlainJson(body)) return;
    ctx.body = Buffer.from(JSON.stringify(body));
  };
}

function isPlainJson(body: unknown): body is object {
  if (body === null || typeof body !== 'object') return false;
  if (Array.isArray(body)) return true;
  const prototype: unknown = Object.getPrototypeOf(body);
  return prototype === Object.prototype || prototype === null;
}
