/**
 * `Idempotency-Key` on the routes that create schedules and campaigns: a client retrying after
 * a timeout gets the first answer and nothing is created twice. No WhatsApp is needed: the
 * session exists but is not connected, so nothing is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign, Schedule } from '../../src-shared/contract/schedule.js';
import { startTestCore, type TestCore } from '../../testkit/support/test-core.js';

let app: TestCore;

beforeAll(async () => {
  app = await startTestCore();
  for (const id of ['shop', 'bakery']) {
    const created = await app.request('/api/v1/sessions', { method: 'POST', json: { id } });
    expect(created.status).toBe(201);
  }
});

afterAll(async () => {
  await app.stop();
});

interface Answer<T> {
  status: number;
  body: T & { error?: { code: string; field?: string } };
}

async function post<T>(path: string, json: unknown, key?: string): Promise<Answer<T>> {
  const headers: Record<string, string> = key === undefined ? {} : { 'Idempotency-Key': key };
  const response = await app.request(`/api/v1${path}`, { method: 'POST', json, headers });
  return { status: response.status, body: (await response.json()) as Answer<T>['body'] };
}

const inAnHour = () => new Date(Date.now() + 60 * 60 * 1000).toISOString();
const scheduleBody = (session: string, text: string, sendAt = inAnHour()) => ({
  session,
  message: { type: 'text', to: '+972 50-123-4567', text },
  sendAt,
});
const campaignBody = (name: string) => ({
  session: 'shop',
  name,
  template: 'Hi [name], the spring menu is here 🌷',
  recipients: { source: 'list', text: '+972501234567, Dana\n+972507654321, Avi' },
  start: false,
});

async function schedulesWithText(text: string): Promise<Schedule[]> {
  const response = await app.request('/api/v1/schedules?limit=500');
  const page = (await response.json()) as { items: Schedule[] };
  return page.items.filter((schedule) => 'text' in schedule.message && schedule.message.text === text);
}

async function campaignsNamed(name: string): Promise<Campaign[]> {
  const response = await app.request('/api/v1/campaigns');
  return ((await response.json()) as { items: Campaign[] }).items.filter((c) => c.name === name);
}

describe('POST /schedules with Idempotency-Key', () => {
  it('a retry with the same key answers the first schedule with the same status; one exists', async () => {
    const first = await post<Schedule>('/schedules', scheduleBody('shop', 'Table at 20:00'), 'booking-17');
    const retry = await post<Schedule>('/schedules', scheduleBody('shop', 'Table at 20:00'), 'booking-17');
    expect(first.status).toBe(201);
    expect(retry).toEqual(first);
    expect(await schedulesWithText('Table at 20:00')).toHaveLength(1);
  });

  it('without a key, the same request twice creates two schedules', async () => {
    const first = await post<Schedule>('/schedules', scheduleBody('shop', 'No key given'));
    const second = await post<Schedule>('/schedules', scheduleBody('shop', 'No key given'));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).not.toBe(first.body.id);
    expect(await schedulesWithText('No key given')).toHaveLength(2);
  });

  it('a key reused with another body still answers the first schedule, like the send route', async () => {
    const first = await post<Schedule>('/schedules', scheduleBody('shop', 'First body'), 'reused-1');
    const other = await post<Schedule>('/schedules', scheduleBody('shop', 'Second body'), 'reused-1');
    expect(other.body).toEqual(first.body);
    expect(await schedulesWithText('Second body')).toHaveLength(0);
  });

  it('the same key in another session is another request', async () => {
    const shop = await post<Schedule>('/schedules', scheduleBody('shop', 'Per session'), 'per-session');
    const bakery = await post<Schedule>('/schedules', scheduleBody('bakery', 'Per session'), 'per-session');
    expect(bakery.status).toBe(201);
    expect(bakery.body.id).not.toBe(shop.body.id);
    expect(bakery.body.session).toBe('bakery');
  });

  it('a refused request remembers nothing: the corrected retry with the same key creates it', async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    const refused = await post<Schedule>('/schedules', scheduleBody('shop', 'Fixed', past), 'fix-me');
    expect(refused.status).toBe(400);
    expect(refused.body.error?.field).toBe('sendAt');
    const fixed = await post<Schedule>('/schedules', scheduleBody('shop', 'Fixed'), 'fix-me');
    expect(fixed.status).toBe(201);
    expect(await schedulesWithText('Fixed')).toHaveLength(1);
  });

  it('refuses a key over 200 characters, naming the header', async () => {
    const answer = await post<Schedule>('/schedules', scheduleBody('shop', 'Long key'), 'k'.repeat(201));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'Idempotency-Key' });
    expect(await schedulesWithText('Long key')).toHaveLength(0);
  });
});

describe('POST /sessions/{id}/messages with sendAt and Idempotency-Key', () => {
  it('a retry answers the first schedule; without a key two are created', async () => {
    const body = { to: '+972 50-123-4567', type: 'text', text: 'Later, once', sendAt: inAnHour() };
    const first = await post<Schedule>('/sessions/shop/messages', body, 'later-1');
    const retry = await post<Schedule>('/sessions/shop/messages', body, 'later-1');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ session: 'shop', status: 'pending' });
    expect(retry).toEqual(first);
    expect(await schedulesWithText('Later, once')).toHaveLength(1);

    const unkeyed = { ...body, text: 'Later, twice' };
    await post<Schedule>('/sessions/shop/messages', unkeyed);
    await post<Schedule>('/sessions/shop/messages', unkeyed);
    expect(await schedulesWithText('Later, twice')).toHaveLength(2);
  });
});

describe('POST /campaigns with Idempotency-Key', () => {
  it('a retry answers the first campaign with the same status; one campaign and one set of recipients', async () => {
    const first = await post<Campaign>('/campaigns', campaignBody('Spring menu'), 'spring-2026');
    const retry = await post<Campaign>('/campaigns', campaignBody('Spring menu'), 'spring-2026');
    expect(first.status).toBe(201);
    expect(first.body.counts.total).toBe(2);
    expect(retry).toEqual(first);
    expect(await campaignsNamed('Spring menu')).toHaveLength(1);
    const recipients = app.core.db.$client
      .prepare('SELECT count(*) AS n FROM campaign_recipients WHERE campaign_id = ?')
      .get(first.body.id) as { n: number };
    expect(recipients.n).toBe(2);
  });

  it('two requests with the same key at once create one campaign', async () => {
    const [a, b] = await Promise.all([
      post<Campaign>('/campaigns', campaignBody('At once'), 'at-once'),
      post<Campaign>('/campaigns', campaignBody('At once'), 'at-once'),
    ]);
    expect(b.body.id).toBe(a.body.id);
    expect(await campaignsNamed('At once')).toHaveLength(1);
  });

  it('without a key, the same request twice creates two campaigns', async () => {
    const first = await post<Campaign>('/campaigns', campaignBody('Unkeyed'));
    const second = await post<Campaign>('/campaigns', campaignBody('Unkeyed'));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(await campaignsNamed('Unkeyed')).toHaveLength(2);
  });

  it('a campaign key and a schedule key of the same value do not answer for each other', async () => {
    const schedule = await post<Schedule>('/schedules', scheduleBody('shop', 'Shared key'), 'shared-key');
    const campaign = await post<Campaign>('/campaigns', campaignBody('Shared key'), 'shared-key');
    expect(campaign.status).toBe(201);
    expect(campaign.body.id).toMatch(/^cmp_/);
    expect(schedule.body.id).toMatch(/^sch_/);
  });
});
