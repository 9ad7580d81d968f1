import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Context } from 'koa';
import type { Scope } from '../../src-shared/contract/keys.js';
import { AppError } from '../../src-shared/errors.js';
import type { Principal } from '../services/access/principal.js';
import type { ApiKeyService } from '../services/access/api-keys.js';
import type { People } from '../services/people/index.js';
import { rateLimitedError, type TokenBucketLimiter } from './rate-limit.js';

/** The browser sign-in cookie: HttpOnly, SameSite=Strict, Path=/ (api/routes/auth.ts sets it). */
export const SESSION_COOKIE = 'chatdock_session';
/** Cookie callers send their sign-in's CSRF token back in this header on every state change. */
export const CSRF_HEADER = 'x-csrf-token';

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

/** The sign-in cookie's value, if the request carries one. */
export function sessionCookieOf(headers: IncomingHttpHeaders): string | null {
  const header = headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}

export type TokenCheck =
  | { ok: true; principal: Principal }
  | { ok: false; reason: 'missing' | 'invalid' }
  | { ok: false; reason: 'rate-limited'; waitSeconds: number };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Turns a presented key, personal token or sign-in cookie into a principal. A valid credential
 * always passes, however many wrong ones came from the same address (behind a tunnel every
 * visitor is 127.0.0.1, so counting per address must never lock the owner out); a missing or
 * wrong one takes a token from the address's bucket, and an address with none left is told to
 * wait.
 *
 * CSRF: the cookie is SameSite=Strict (no other site's page can make the browser send it) and a
 * state-changing cookie request must also carry its sign-in's CSRF token in `X-CSRF-Token` (a
 * synchronizer token kept server-side with the sign-in, handed to the page at sign-in and by
 * `people.me`). A key or token in a header needs neither: no browser adds those by itself.
 */
export class Authenticator {
  constructor(
    private readonly apiKeys: ApiKeyService,
    private readonly failedAuth: TokenBucketLimiter,
    private readonly people: People,
  ) {}

  /** A key or personal token (headers, the event stream's first message). */
  check(key: string | null, address: string): TokenCheck {
    const principal = key ? this.principalOfKey(key) : null;
    if (principal) return { ok: true, principal };
    return this.failure(key ? 'invalid' : 'missing', address);
  }

  /** A sign-in cookie's person (the event stream's upgrade request), or why not. */
  checkCookie(cookie: string, address: string): TokenCheck {
    const principal = this.principalOfCookie(cookie)?.principal;
    if (principal) return { ok: true, principal };
    return this.failure('invalid', address);
  }

  /**
   * The principal of an HTTP request (checked once per request and kept in `ctx.state`), or a
   * 401 / 403 / 429 error. Every keyed route and the `/rpc` bridge call this before anything else.
   */
  principalOf(ctx: Context): Principal {
    const state = ctx.state as { principal?: Principal };
    if (state.principal) return state.principal;
    const address = ctx.socket.remoteAddress ?? 'unknown';
    const key = presentedKey(ctx.headers);
    const cookie = key ? null : sessionCookieOf(ctx.headers);
    let result: TokenCheck;
    if (cookie) {
      const signedIn = this.principalOfCookie(cookie);
      if (signedIn && !SAFE_METHODS.has(ctx.method)) checkCsrf(ctx, signedIn.csrfToken);
      if (signedIn) (ctx.state as { csrfToken?: string }).csrfToken = signedIn.csrfToken;
      result = signedIn ? { ok: true, principal: signedIn.principal } : this.failure('invalid', address);
    } else {
      result = this.check(key, address);
    }
    if (result.ok) {
      state.principal = result.principal;
      return result.principal;
    }
    if (result.reason === 'rate-limited') {
      ctx.set('Retry-After', String(result.waitSeconds));
      throw rateLimitedError(result.waitSeconds, 'too many requests with a wrong API key');
    }
    if (result.reason === 'missing') {
      throw new AppError('UNAUTHORIZED', 'sign in, or send an API key: "Authorization: Bearer <key>"');
    }
    throw new AppError(
      'UNAUTHORIZED',
      cookie ? 'you are signed out: sign in again' : 'the API key is not valid or has been revoked',
    );
  }

  private principalOfKey(key: string): Principal | null {
    const verified = this.apiKeys.verify(key);
    if (!verified) return null;
    if (verified.kind !== 'token') return verified;
    return this.people.principals.of(
      verified.userId,
      'token',
      verified.keyId,
      (verified.scopes ?? null) as Scope[] | null,
    );
  }

  private principalOfCookie(cookie: string): { principal: Principal; csrfToken: string } | null {
    const signedIn = this.people.signIns.resolve(cookie);
    if (!signedIn) return null;
    const principal = this.people.principals.of(signedIn.userId, 'cookie', signedIn.sessionId);
    return principal ? { principal, csrfToken: signedIn.csrfToken } : null;
  }

  private failure(reason: 'missing' | 'invalid', address: string): TokenCheck {
    const waitSeconds = this.failedAuth.take(address);
    if (waitSeconds > 0) return { ok: false, reason: 'rate-limited', waitSeconds };
    return { ok: false, reason };
  }
}

/** The CSRF token of the request's sign-in (null for keys), once `principalOf` ran: for `people.me`. */
export function csrfTokenOf(ctx: Context): string | null {
  return (ctx.state as { csrfToken?: string }).csrfToken ?? null;
}

function checkCsrf(ctx: Context, expected: string): void {
  const sent = Buffer.from(ctx.get(CSRF_HEADER));
  const wanted = Buffer.from(expected);
  if (sent.length !== wanted.length || !timingSafeEqual(sent, wanted)) {
    throw new AppError('FORBIDDEN', 'missing or wrong X-CSRF-Token header (sign in again if this persists)');
  }
}
