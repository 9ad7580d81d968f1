import type { Context } from 'koa';
import { AppError } from '../../src-shared/errors.js';
import type { Principal } from '../services/access/principal.js';

/**
 * In-memory token buckets, one per client address or key: `capacity` requests at once, refilled at
 * `perSecond`. Forgotten when full again, so the map only holds recently active addresses.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `address` has a token again; 0 when it has one now. */
  waitSeconds(address: string): number {
    const tokens = this.tokens(address);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.perSecond);
  }

  /** Takes a token: 0 when allowed, else the seconds to wait (nothing is taken then). */
  take(address: string): number {
    const wait = this.waitSeconds(address);
    if (wait > 0) return wait;
    const bucket = this.buckets.get(address);
    const tokens = (bucket ? bucket.tokens : this.capacity) - 1;
    this.buckets.set(address, { tokens, at: this.now() });
    return 0;
  }

  private tokens(address: string): number {
    const bucket = this.buckets.get(address);
    if (!bucket) return this.capacity;
    const now = this.now();
    const tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    if (tokens >= this.capacity) {
      this.buckets.delete(address);
      return this.capacity;
    }
    bucket.tokens = tokens;
    bucket.at = now;
    return tokens;
  }
}

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
