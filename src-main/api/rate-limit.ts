import type { Context } from 'koa';
import { AppError } from '../../src-shared/errors.js';
import type { Principal } from '../services/access/principal.js';
import { TokenBucketLimiter } from '../core/token-bucket.js';

export { TokenBucketLimiter };

export interface RateLimits {
  /**
   * Requests with a missing, wrong or revoked key, per address. When empty, such requests get 429;
   * a request with a valid key is never refused by it (api/auth.ts).
   */
  failedAuth: TokenBucketLimiter;
  /** Creating keys and webhooks, rotating secrets, test sends and retries. */
  sensitive: TokenBucketLimiter;
}

export function createRateLimits(now: () => number = Date.now): RateLimits {
  return {
    failedAuth: new TokenBucketLimiter(20, 1 / 3, now),
    sensitive: new TokenBucketLimiter(30, 0.5, now),
  };
}

const SENSITIVE_API = [
  /^\/api\/v1\/keys(\/|$)/,
  /^\/api\/v1\/sessions\/[^/]+\/key$/,
  /^\/api\/v1\/webhooks$/,
  /^\/api\/v1\/webhooks\/[^/]+\/(secret|test|retry)$/,
  /^\/api\/v1\/webhooks\/deliveries\/[^/]+\/retry$/,
  // What cannot be undone (a person's password is tried here: guesses must stay slow).
  /^\/api\/v1\/sessions\/[^/]+\/logout$/,
  /^\/api\/v1\/backups\/restore$/,
];
/** Deleting a number or a person: only the DELETE of these paths (not renaming or editing). */
const SENSITIVE_DELETES = [/^\/api\/v1\/sessions\/[^/]+$/, /^\/api\/v1\/users\/[^/]+$/];
const SENSITIVE_RPC = new Set([
  'adminKey.rotate',
  'sessions.rotateKey',
  'keys.create',
  'keys.revoke',
  'webhooks.create',
  'webhooks.rotateSecret',
  'webhooks.test',
  'webhooks.retryFailed',
  'webhooks.retryDelivery',
  'sessions.logout',
  'sessions.delete',
  'users.delete',
  'backups.restore',
]);

/**
 * Operations that create credentials, make Chatdock send requests, or cannot be undone (where a
 * signed-in person's password is checked): limited per key.
 */
export function isSensitive(method: string, path: string): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  if (path.startsWith('/rpc/')) return SENSITIVE_RPC.has(path.slice('/rpc/'.length));
  if (method === 'DELETE' && SENSITIVE_DELETES.some((pattern) => pattern.test(path))) return true;
  return SENSITIVE_API.some((pattern) => pattern.test(path));
}

export function rateLimitedError(seconds: number, what: string): AppError {
  return new AppError('RATE_LIMITED', `${what}; try again in ${seconds} s`);
}

/**
 * Limits sensitive operations per key (not per address: an address may be shared by every
 * visitor of a tunnel, and a caller without a valid key never gets this far). Called by the
 * route and `/rpc` adapters once the caller is known; sets `Retry-After` and throws 429.
 */
export function limitSensitive(limits: RateLimits, ctx: Context, principal: Principal): void {
  if (!isSensitive(ctx.method, ctx.path)) return;
  // Per key; a person's browsers and tokens share one bucket.
  const bucket =
    principal.kind === 'user'
      ? `user:${principal.userId}`
      : principal.kind === 'desktop'
        ? 'desktop'
        : principal.keyId;
  const wait = limits.sensitive.take(bucket);
  if (wait > 0) {
    ctx.set('Retry-After', String(wait));
    throw rateLimitedError(wait, 'too many requests of this kind');
  }
}
