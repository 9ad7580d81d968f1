import { describe, expect, it } from 'vitest';
import { backoffMs, decide, DEFAULT_RETRY, isRetryable, retryAfterMs } from './retry-policy.js';

const config = { baseMs: 1000, maxMs: 60_000, maxAttempts: 5 };

describe('retry policy', () => {
  it('retries network errors, timeouts, 429 and 5xx, and nothing else', () => {
    expect([null, 429, 500, 502, 503, 504].every(isRetryable)).toBe(true);
    expect([400, 401, 403, 404, 410, 422, 301].some(isRetryable)).toBe(false);
  });

  it('doubles the delay up to the cap, with at most ±20% jitter', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(config, n, () => 0.5))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(config, 20, () => 0.5)).toBe(60_000);
    expect(backoffMs(config, 3, () => 0)).toBe(3200);
    expect(backoffMs(config, 3, () => 0.999_999)).toBeCloseTo(4800, -1);
    expect(backoffMs(config, 40, () => 1)).toBeLessThanOrEqual(60_000);
  });

  it('by default spreads 12 attempts over most of a day', () => {
    let total = 0;
    for (let attempt = 1; attempt < DEFAULT_RETRY.maxAttempts; attempt += 1) {
      total += backoffMs(DEFAULT_RETRY, attempt, () => 0.5);
    }
    expect(total / 3_600_000).toBeGreaterThan(16);
    expect(total / 3_600_000).toBeLessThan(26);
  });

  it('succeeds on 2xx, fails at once on other 4xx, and gives up after the last attempt', () => {
    const now = 1_000_000;
    expect(decide(config, { statusCode: 204 }, 1, now)).toEqual({ status: 'succeeded' });
    expect(decide(config, { statusCode: 404 }, 1, now)).toEqual({ status: 'failed' });
    expect(decide(config, { statusCode: 503 }, 5, now)).toEqual({ status: 'failed' });
    expect(decide(config, { statusCode: null }, 2, now, () => 0.5)).toEqual({
      status: 'pending',
      nextAttemptAt: now + 2000,
    });
  });

  it('waits longer when the receiver asks with Retry-After, but never past the cap', () => {
    const now = Date.parse('2026-11-21T10:00:00Z');
    expect(decide(config, { statusCode: 429, retryAfter: '30' }, 1, now, () => 0.5)).toEqual({
      status: 'pending',
      nextAttemptAt: now + 30_000,
    });
    expect(decide(config, { statusCode: 503, retryAfter: '0' }, 1, now, () => 0.5)).toEqual({
      status: 'pending',
      nextAttemptAt: now + 1000,
    });
    expect(decide(config, { statusCode: 503, retryAfter: '99999' }, 1, now)).toEqual({
      status: 'pending',
      nextAttemptAt: now + 60_000,
    });
    expect(retryAfterMs('Sat, 21 Nov 2026 10:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('soon', now)).toBeNull();
  });
});
