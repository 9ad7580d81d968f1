import { AppError } from '../../src-shared/errors.js';

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

  /** The bucket's size: what `RateLimit-Limit` says. */
  get limit(): number {
    return this.capacity;
  }

  /** Whole tokens left, and the seconds until the bucket is full again (`RateLimit-Reset`). */
  state(address: string): { remaining: number; resetSeconds: number } {
    const tokens = this.tokens(address);
    return {
      remaining: Math.max(0, Math.floor(tokens)),
      resetSeconds: Math.ceil((this.capacity - tokens) / this.perSecond),
    };
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

export function rateLimitedError(seconds: number, what: string): AppError {
  return new AppError('RATE_LIMITED', `${what}; try again in ${seconds} s`);
}
