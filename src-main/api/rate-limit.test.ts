import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../testkit/support/test-core.js';
import { createRateLimits, TokenBucketLimiter } from './rate-limit.js';

describe('token buckets', () => {
  it('allow a burst, then refill over time', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter(3, 1, () => now);
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(1);
    expect(limiter.take('b')).toBe(0);
    now = 1000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.waitSeconds('a')).toBe(1);
    now = 10_000;
    expect(limiter.waitSeconds('a')).toBe(0);
  });
});

describe('the limits the app uses', () => {
  it('refill on the injected clock: 20 wrong keys, then one every 3 s; a bucket of 30 refilled at one every 2 s', () => {
    let now = 0;
    const limits = createRateLimits(() => now);
    for (let i = 0; i < 20; i += 1) expect(limits.failedAuth.take('10.0.0.9')).toBe(0);
    expect(limits.failedAuth.take('10.0.0.9')).toBe(3);
    const sensitive = new TokenBucketLimiter(30, 0.5, () => now);
    for (let i = 0; i < 30; i += 1) expect(sensitive.take('key-1')).toBe(0);
    expect(sensitive.take('key-1')).toBe(2);
    now += 3000;
    expect(limits.failedAuth.take('10.0.0.9')).toBe(0);
    expect(sensitive.take('key-1')).toBe(0);
  });
});

describe('rate limiting over HTTP', () => {
  let app: TestCore | null = null;
  afterEach(async () => {
    await app?.stop();
    app = null;
  });

  it('answers 429 with Retry-After after too many wrong keys, but not to the right key', async () => {
    app = await startTestCore();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) {
      statuses.push((await app.request('/api/v1/sessions', { key: `wrong-${i}` })).status);
    }
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    const limited = await app.request('/api/v1/sessions', { key: null });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toEqual({
      error: { code: 'RATE_LIMITED', message: expect.stringContaining('try again in') },
    });
    // Behind a tunnel every visitor shares one address: the owner's key must still work.
    expect((await app.request('/api/v1/sessions')).status).toBe(200);
    // Health needs no key and stays reachable.
    expect((await app.request('/api/v1/health', { key: null })).status).toBe(200);
  });

  it('limits sensitive operations such as creating keys', async () => {
    // A frozen clock: on a loaded machine 31 requests can take long enough to refill a slot.
    const frozen = Date.now();
    app = await startTestCore({}, { rateLimitClock: () => frozen });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      const response = await app.request('/api/v1/keys', {
        method: 'POST',
        json: { name: `key ${i}`, scopes: ['messages:read'] },
      });
      statuses.push(response.status);
    }
    expect(statuses.filter((status) => status === 201)).toHaveLength(30);
    expect(statuses[30]).toBe(429);
    expect((await app.request('/api/v1/keys')).status).toBe(200);
  });
});
