import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogList } from '../../../src-shared/contract/logs.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

let app: TestCore;

beforeAll(async () => {
  app = await startTestCore();
});

afterAll(async () => {
  await app.stop();
});

async function logs(query: string): Promise<LogList> {
  const response = await app.request(`/api/v1/logs${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as LogList;
}

describe('GET /api/v1/logs', () => {
  it('returns recent lines at or above a level, oldest first, without secrets', async () => {
    app.core.logger.info({ secret: 'whsec_do-not-show', webhookId: 'wh_1' }, 'webhook created');
    app.core.logger.warn({ token: 'cd_do-not-show' }, 'something odd');
    const info = await logs('?level=info');
    const messages = info.items.map((line) => line.msg);
    expect(messages).toContain('API listening');
    expect(messages.indexOf('API listening')).toBeLessThan(messages.indexOf('webhook created'));
    expect(info.items.find((line) => line.msg === 'webhook created')).toMatchObject({
      level: 'info',
      context: { secret: '[redacted]', webhookId: 'wh_1' },
    });
    expect(JSON.stringify(info)).not.toContain('do-not-show');
    const warnings = await logs('?level=warn');
    expect(warnings.items.map((line) => line.msg)).toEqual(['something odd']);
  });

  it('returns only lines newer than `since`, and at most `limit`', async () => {
    const all = await logs('?level=trace');
    const last = all.items.at(-1);
    app.core.logger.error({ code: 42 }, 'after the mark');
    const newer = await logs(`?level=trace&since=${encodeURIComponent(last?.time ?? '')}`);
    expect(newer.items.map((line) => line.msg)).toContain('after the mark');
    expect(newer.items.map((line) => line.msg)).not.toContain('API listening');
    expect((await logs('?level=trace&limit=1')).items).toHaveLength(1);
  });

  it('rejects an unknown level naming the field', async () => {
    const response = await app.request('/api/v1/logs?level=loud');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe('level');
  });
});
