import { TokenBucketLimiter } from '../core/token-bucket.js';
import { KindLimits } from './kind-limits.js';

export { rateLimitedError, TokenBucketLimiter } from '../core/token-bucket.js';
export { KindLimits, limitRequest, limitSend } from './kind-limits.js';

export interface RateLimits {
  /**
   * Requests with a missing, wrong or revoked key, per address. When empty, such requests get 429;
   * a request with a valid key is never refused by it (api/auth.ts).
   */
  failedAuth: TokenBucketLimiter;
  /** The budgets by kind, per key (and chat sends per number), as set in Settings. */
  kinds: KindLimits;
}

export function createRateLimits(now: () => number = Date.now): RateLimits {
  return {
    failedAuth: new TokenBucketLimiter(20, 1 / 3, now),
    kinds: new KindLimits(now),
  };
}
