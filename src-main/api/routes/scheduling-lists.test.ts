import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

/**
 * The schedule, campaign and opt-out lists are adapters onto operations that check the `session`
 * they are asked for: a number's own key asking for another number's list is refused, instead of
 * being answered quietly with its own list as the hand-written routes did.
 */
describe('scheduling lists and a session key', () => {
  let app: TestCore;
  let shopKey: string;

  beforeAll(async () => {
    app = await startTestCore();
    const shop = await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop' } });
    shopKey = ((await shop.json()) as { apiKey: string }).apiKey;
    expect((await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'cafe' } })).status).toBe(
      201,
    );
    for (const [session, phone] of [
      ['shop', '+972 50-765-4321'],
      ['cafe', '+972 50-111-2222'],
    ]) {
      const added = await app.request('/api/v1/opt-outs', { method: 'POST', json: { session, phone } });
      expect(added.status).toBe(201);
    }
  });
  afterAll(() => app?.stop());

  it('refuses another number’s list with 403', async () => {
    for (const list of ['/api/v1/opt-outs', '/api/v1/schedules', '/api/v1/campaigns']) {
      const response = await app.request(`${list}?session=cafe`, { key: shopKey });
      expect(response.status, list).toBe(403);
    }
  });

  it('answers its own number’s list, asked for or not', async () => {
    for (const query of ['', '?session=shop']) {
      const response = await app.request(`/api/v1/opt-outs${query}`, { key: shopKey });
      expect(response.status).toBe(200);
      const { items } = (await response.json()) as { items: { session: string }[] };
      expect(items.map((item) => item.session)).toEqual(['shop']);
      for (const list of ['/api/v1/schedules', '/api/v1/campaigns']) {
        expect((await app.request(`${list}${query}`, { key: shopKey })).status, list).toBe(200);
      }
    }
  });

  it('lets the admin key read any number’s list', async () => {
    const response = await app.request('/api/v1/opt-outs?session=cafe');
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: { session: string }[] };
    expect(items.map((item) => item.session)).toEqual(['cafe']);
  });
});
