import type { IncomingHttpHeaders } from 'node:http';
import type { Context } from 'koa';
import { AppError } from '../../src-shared/errors.js';
import type { ApiKeyService, KeyPrincipal } from '../services/access/api-keys.js';
import { rateLimitedError, type TokenBucketLimiter } from './rate-limit.js';

/** The key a request presents: `Authorization: Bearer <key>`, `X-Api-Key: <key>` or `Token: <key>`. */
export function presentedKey(headers: IncomingHttpHeaders): string | null {
  const authorization = headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (match?.[1]) return match[1].trim();
  }
  for (const name of ['x-api-key', 'token'] as const) {
    const value = headers[name];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}

type TokenCheck =
  | { ok: true; principal: KeyPrincipal }
  | { ok: false; reason: 'missing' | 'invalid' }
  | { ok: false; reason: 'rate-limited'; waitSeconds: number };

/**
 * Turns a presented key into a principal. A valid key always passes, however many wrong keys
 * came from the same address (behind a tunnel every visitor is 127.0.0.1, so counting per address
 * must never lock the owner out); a missing or wrong key takes a token from the address's bucket,
 * and an address with none left is told to wait.
 */
export class Authenticator {
  constructor(
    private readonly apiKeys: ApiKeyService,
    private readonly failedAuth: TokenBucketLimiter,
  ) {}

  check(key: string | null, address: string): TokenCheck {
    const principal = key ? this.apiKeys.verify(key) : null;
    if (principal) return { ok: true, principal };
    const waitSeconds = this.failedAuth.take(address);
    if (waitSeconds > 0) return { ok: false, reason: 'rate-limited', waitSeconds };
    return { ok: false, reason: key ? 'invalid' : 'missing' };
  }

  /**
   * The principal of an HTTP request (checked once per request and kept in `ctx.state`), or a
   * 401 / 429 error. Every keyed route and the `/rpc` bridge call this before anything else.
   */
  principalOf(ctx: Context): KeyPrincipal {
    const state = ctx.state as { principal?: KeyPrincipal };
    if (state.principal) return state.principal;
    const result = this.check(presentedKey(ctx.headers), ctx.socket.remoteAddress ?? 'unknown');
    if (result.ok) {
      state.principal = result.principal;
      return result.principal;
    }
    if (result.reason === 'rate-limited') {
      ctx.set('Retry-After', String(result.waitSeconds));
      throw rateLimitedError(result.waitSeconds, 'too many requests with a wrong API key');
    }
    throw result.reason === 'missing'
      ? new AppError('UNAUTHORIZED', 'an API key is required: send "Authorization: Bearer <key>"')
      : new AppError('UNAUTHORIZED', 'the API key is not valid or has been revoked');
  }
}
