import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from '../../../src-shared/contract/rate-limits.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

/**
 * Issue #26 point 2: rate limits by kind (seed 002), on a clock the test moves (a slow machine
 * must not refill a bucket between two requests).
 */
describe('rate limits by kind', () => {
  let app: TestCore;
  let now = 1_000_000;
  const keys: Record<string, string> = {};

  async function namedKey(name: string, scopes: string[]): Promise<string> {
    const created = await app.request('/api/v1/keys', { method: 'POST', json: { name, scopes } });
    expect(created.status).toBe(201);
    return ((await created.json()) as { key: string }).key;
  }
  const setLimits = (limits: unknown) =>
    app.request('/api/v1/settings/rate-limits', { method: 'PUT', json: { limits } });
  const headers = (answer: Response) => ({
    limit: answer.headers.get('ratelimit-limit'),
    remaining: answer.headers.get('ratelimit-remaining'),
    reset: answer.headers.get('ratelimit-reset'),
  });

  beforeAll(async () => {
    app = await startTestCore({}, { rateLimitClock: () => now });
    for (const id of ['shop', 'other']) {
      expect((await app.request('/api/v1/sessions', { method: 'POST', json: { id } })).status).toBe(201);
    }
    keys.sender = await namedKey('sender', ['messages:send', 'messages:read']);
    keys.deleter = await namedKey('deleter', ['messages:send', 'messages:read']);
    keys.reader = await namedKey('reader', ['messages:read']);
    keys.busy = await namedKey('busy', ['messages:read']);
  });
  afterAll(() => app.stop());

  it('starts from the defaults, and names the field of a wrong setting', async () => {
    const answer = await app.request('/api/v1/settings/rate-limits');
    expect(((await answer.json()) as RateLimitSettings).limits).toEqual(DEFAULT_RATE_LIMITS);
    for (const [limits, field] of [
      [{ delete: { limit: 0, windowSeconds: 60 } }, 'limits.delete.limit'],
      [{ sendPerNumber: { limit: 5, windowSeconds: 0 } }, 'limits.sendPerNumber.windowSeconds'],
      [{ sendPerNumber: { limit: 5 } }, 'limits.sendPerNumber.windowSeconds'],
      [{ perMinute: { limit: 5, windowSeconds: 60 } }, 'limits.perMinute'],
    ] as const) {
      const bad = await setLimits(limits);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { field: string } }).error.field).toBe(field);
    }
    // Nothing was half written.
    const after = await app.request('/api/v1/settings/rate-limits');
    expect(((await after.json()) as RateLimitSettings).limits).toEqual(DEFAULT_RATE_LIMITS);
    // People without the admin role, and keys without the admin scope, may not change them.
    const reader = await app.request('/api/v1/settings/rate-limits', { key: keys.reader! });
    expect(reader.status).toBe(403);
  });

  it('limits deletions per key: trips at its limit with 429 and Retry-After, and recovers', async () => {
    expect((await setLimits({ delete: { limit: 3, windowSeconds: 60 } })).status).toBe(200);
    const remove = () => app.request('/api/v1/tags/tag_none', { method: 'DELETE', key: keys.deleter! });
    for (let i = 0; i < 3; i += 1) {
      const answer = await remove();
      expect(answer.status).not.toBe(429);
      expect(headers(answer)).toEqual({ limit: '3', remaining: String(2 - i), reset: String(20 * (i + 1)) });
    }
    const refused = await remove();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('20');
    expect(headers(refused)).toEqual({ limit: '3', remaining: '0', reset: '60' });
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('deletions');
    // Other keys delete on; reads with the same key are not deletions.
    expect((await app.request('/api/v1/tags/tag_none', { method: 'DELETE' })).status).not.toBe(429);
    expect((await app.request('/api/v1/sessions/shop/chats', { key: keys.deleter! })).status).toBe(200);
    now += 20_000;
    expect((await remove()).status).not.toBe(429);
    expect((await remove()).status).toBe(429);
  });

  it('limits chat sends per number and per key', async () => {
    expect(
      (
        await setLimits({
          sendPerNumber: { limit: 2, windowSeconds: 60 },
          sendPerKey: { limit: 3, windowSeconds: 60 },
        })
      ).status,
    ).toBe(200);
    const send = (number: string, key: 'admin' | 'sender' = 'sender') =>
      app.request(`/api/v1/sessions/${number}/messages`, {
        method: 'POST',
        ...(key === 'sender' ? { key: keys.sender! } : {}),
        json: { type: 'text', to: '972500000001', text: 'hi' },
      });
    // The numbers are not linked, so WhatsApp refuses (409); each attempt still counts.
    for (let i = 0; i < 2; i += 1) expect((await send('shop')).status).not.toBe(429);
    const perNumber = await send('shop');
    expect(perNumber.status).toBe(429);
    expect(((await perNumber.json()) as { error: { message: string } }).error.message).toContain(
      'this number',
    );
    // The number's budget is the number's, whoever sends: the admin key is refused on it too.
    expect((await send('shop', 'admin')).status).toBe(429);
    expect((await send('other')).status).not.toBe(429);
    const perKey = await send('other');
    expect(perKey.status).toBe(429);
    expect(((await perKey.json()) as { error: { message: string } }).error.message).toContain(
      'with this key',
    );
    now += 30_000;
    expect((await send('shop')).status).not.toBe(429);
  });

  it('keeps a global budget per key, with its headers on every answer, reset to default on request', async () => {
    expect((await setLimits({ global: { limit: 4, windowSeconds: 60 } })).status).toBe(200);
    const read = () => app.request('/api/v1/sessions', { key: keys.busy! });
    const first = await read();
    expect(first.status).toBe(200);
    expect(headers(first)).toEqual({ limit: '4', remaining: '3', reset: '15' });
    for (let i = 0; i < 3; i += 1) expect((await read()).status).toBe(200);
    const refused = await read();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('15');
    now += 15_000;
    expect((await read()).status).toBe(200);
    // The admin key put the limits back (it had its own budget of 4: settings and this reset).
    const reset = await setLimits({ global: null, delete: null, sendPerKey: null, sendPerNumber: null });
    expect(reset.status).toBe(200);
    expect(((await reset.json()) as RateLimitSettings).limits).toEqual(DEFAULT_RATE_LIMITS);
    const after = await read();
    expect(headers(after).limit).toBe(String(DEFAULT_RATE_LIMITS.global.limit));
  });

  it('never counts a wrong-key flood against the valid key it names', async () => {
    expect((await setLimits({ global: { limit: 5, windowSeconds: 60 } })).status).toBe(200);
    const key = await namedKey('victim', ['messages:read']);
    // Someone floods with guesses around the key (and the key with a typo): 401, then 429 per address.
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      statuses.push((await app.request('/api/v1/sessions', { key: `${key.slice(0, -1)}${i % 10}x` })).status);
    }
    expect(statuses).toContain(429);
    // The valid key from the same address still has its whole budget.
    const answer = await app.request('/api/v1/sessions', { key });
    expect(answer.status).toBe(200);
    expect(headers(answer)).toMatchObject({ limit: '5', remaining: '4' });
    now += 60_000;
    expect((await setLimits({ global: null })).status).toBe(200);
  });

  it('counts sensitive operations apart, and announces a change with who made it', async () => {
    expect((await setLimits({ sensitive: { limit: 3, windowSeconds: 60 } })).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push(
        (
          await app.request('/api/v1/keys', {
            method: 'POST',
            json: { name: `k${i}`, scopes: ['messages:read'] },
          })
        ).status,
      );
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    now += 60_000;
    expect((await setLimits({ sensitive: null })).status).toBe(200);
    const changes = app.core.services.events
      .since('evt_0', 10_000)
      .filter((e) => e.type === 'rate_limits.updated');
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.at(-1)).toMatchObject({
      actor: { type: 'key', name: 'API: admin key' },
      data: { limits: DEFAULT_RATE_LIMITS },
    });
  });
});
