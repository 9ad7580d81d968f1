import type { Middleware } from 'koa';
import { AppError } from '../../src-shared/errors.js';

/**
 * In-memory token buckets, one per client address: `capacity` requests at once, refilled at
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
  /** Requests with a missing, wrong or revoked key. When empty, the address gets 429 before any check. */
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
];
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
]);

/** Operations that create credentials or make Chatdock send requests: limited per address. */
export function isSensitive(method: string, path: string): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  if (path.startsWith('/rpc/')) return SENSITIVE_RPC.has(path.slice('/rpc/'.length));
  return SENSITIVE_API.some((pattern) => pattern.test(path));
}

export function rateLimitedError(seconds: number, what: string): AppError {
  return new AppError('RATE_LIMITED', `${what}; try again in ${seconds} s`);
}

/**
 * Goes before the key check: an address that failed authentication too often is refused
 * (429 with Retry-After) before its key is even looked at; sensitive operations are limited too.
 */
export function rateLimit(limits: RateLimits, needsKey: (path: string) => boolean): Middleware {
  return async (ctx, next) => {
    const address = ctx.socket.remoteAddress ?? 'unknown';
    const refuse = (seconds: number, what: string) => {
      ctx.set('Retry-After', String(seconds));
      return rateLimitedError(seconds, what);
    };
    if (needsKey(ctx.path)) {
      const wait = limits.failedAuth.waitSeconds(address);
      if (wait > 0) throw refuse(wait, 'too many requests with a wrong API key');
    }
    if (isSensitive(ctx.method, ctx.path)) {
      const wait = limits.sensitive.take(address);
      if (wait > 0) throw refuse(wait, 'too many requests of this kind');
    }
    try {
      await next();
    } catch (error) {
      if (error instanceof AppError && error.code === 'UNAUTHORIZED') limits.failedAuth.take(address);
      throw error;
    }
  };
}
