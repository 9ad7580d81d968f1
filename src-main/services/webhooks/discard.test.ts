/**
 * Discarding failed deliveries: a receiver that stays dead should not keep its deliveries (and
 * their events) forever. Only failed ones go; pending and succeeded ones, and other webhooks'
 * deliveries, stay.
 */
import { describe, expect, it } from 'vitest';
import type {
  CreatedWebhook,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryList,
} from '../../../src-shared/contract/webhooks.js';
import type { CreatedKey } from '../../../src-shared/contract/keys.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import { startReceiver, type WebhookReceiver } from '../../../testkit/support/webhook-receiver.js';
import { useCleanups } from '../../../testkit/support/cleanups.js';

const onCleanup = useCleanups();

/**
 * A core and a receiver that refuses (410, failed at once) events labelled `refused…`, drops
 * `unreachable` (pending, next try in a minute) and accepts the rest.
 */
async function started(): Promise<{ app: TestCore; hook: WebhookReceiver }> {
  const app = await startTestCore();
  onCleanup(() => app.stop());
  const hook = await startReceiver();
  onCleanup(() => hook.close());
  hook.answerWith((delivery) => {
    const label = (delivery.json.data as { jid: string }).jid;
    if (label.startsWith('refused')) return { status: 410, body: 'gone' };
    if (label === 'unreachable') return 'down';
    return { status: 200 };
  });
  return { app, hook };
}

async function createWebhook(app: TestCore, url: string): Promise<string> {
  const response = await app.request('/api/v1/webhooks', {
    method: 'POST',
    json: { url, events: ['presence.updated'] },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as CreatedWebhook).webhook.id;
}

/** One event per label, each in its own chat so no delivery waits behind another. */
function record(app: TestCore, ...labels: string[]): void {
  for (const label of labels) {
    app.core.services.events.record('presence.updated', 'shop', {
      chat: `${label}@s.whatsapp.net`,
      jid: label,
      presence: 'available',
    });
  }
}

async function deliveries(app: TestCore, webhookId: string): Promise<WebhookDelivery[]> {
  const response = await app.request(`/api/v1/webhooks/${webhookId}/deliveries`);
  expect(response.status).toBe(200);
  return ((await response.json()) as WebhookDeliveryList).items;
}

/** `label: status` of every delivery of a webhook, oldest first: what the Settings list shows. */
async function statuses(app: TestCore, webhookId: string): Promise<string[]> {
  const items = await deliveries(app, webhookId);
  const byEvent = new Map(app.core.services.events.since('', 1000).map((event) => [event.id, event]));
  return items
    .map((item) => `${(byEvent.get(item.eventId)?.data as { jid: string }).jid}: ${item.status}`)
    .reverse();
}

async function idOf(app: TestCore, webhookId: string, label: string): Promise<number> {
  const items = await deliveries(app, webhookId);
  const events = app.core.services.events.since('', 1000);
  const event = events.find((candidate) => (candidate.data as { jid?: string }).jid === label);
  const delivery = items.find((item) => item.eventId === event?.id);
  if (!delivery) throw new Error(`no delivery for ${label}`);
  return delivery.id;
}

function discard(app: TestCore, webhookId: string, body?: unknown, key?: string): Promise<Response> {
  return app.request(`/api/v1/webhooks/${webhookId}/deliveries/discard`, {
    method: 'POST',
    ...(body === undefined ? {} : { json: body }),
    ...(key === undefined ? {} : { key }),
  });
}

async function counts(app: TestCore, webhookId: string): Promise<Pick<Webhook, 'pending' | 'failed'>> {
  const { pending, failed } = (await (await app.request(`/api/v1/webhooks/${webhookId}`)).json()) as Webhook;
  return { pending, failed };
}

const SETTLED = [
  'refused-1: failed',
  'refused-2: failed',
  'refused-3: failed',
  'unreachable: pending',
  'delivered: succeeded',
];

describe('discarding failed webhook deliveries', () => {
  it('discards listed failed deliveries, then all the rest, never pending or succeeded ones', async () => {
    const { app, hook } = await started();
    const webhook = await createWebhook(app, hook.url);
    const neighbour = await createWebhook(app, hook.url);
    record(app, 'refused-1', 'refused-2', 'refused-3', 'unreachable', 'delivered');
    await expect.poll(() => statuses(app, webhook)).toEqual(SETTLED);
    await expect.poll(() => statuses(app, neighbour)).toEqual(SETTLED);

    const refused1 = await idOf(app, webhook, 'refused-1');
    const listed = await discard(app, webhook, {
      ids: [refused1, await idOf(app, webhook, 'unreachable'), await idOf(app, webhook, 'delivered')],
    });
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({ discarded: 1 });
    expect(await statuses(app, webhook)).toEqual(SETTLED.slice(1));
    // Gone with its attempt log, which is what grew the database.
    expect((await app.request(`/api/v1/webhooks/deliveries/${refused1}`)).status).toBe(404);
    const attempts = app.core.db.$client
      .prepare('SELECT COUNT(*) AS n FROM webhook_attempts WHERE delivery_id = ?')
      .get(refused1) as { n: number };
    expect(attempts.n).toBe(0);

    const all = await discard(app, webhook);
    expect(await all.json()).toEqual({ discarded: 2 });
    expect(await statuses(app, webhook)).toEqual(['unreachable: pending', 'delivered: succeeded']);
    expect(await counts(app, webhook)).toEqual({ pending: 1, failed: 0 });
    expect(await (await discard(app, webhook, {})).json()).toEqual({ discarded: 0 });

    // The other webhook of the same receiver keeps everything.
    expect(await statuses(app, neighbour)).toEqual(SETTLED);
    expect(await counts(app, neighbour)).toEqual({ pending: 1, failed: 3 });
  });

  it('is the UI operation webhooks.discardFailed too', async () => {
    const { app, hook } = await started();
    const webhook = await createWebhook(app, hook.url);
    record(app, 'refused-1', 'refused-2');
    await expect.poll(async () => (await counts(app, webhook)).failed).toBe(2);
    const one = await app.request('/rpc/webhooks.discardFailed', {
      method: 'POST',
      json: { id: webhook, ids: [await idOf(app, webhook, 'refused-2')] },
    });
    expect(await one.json()).toEqual({ result: { discarded: 1 } });
    expect(await statuses(app, webhook)).toEqual(['refused-1: failed']);
    const rest = await app.request('/rpc/webhooks.discardFailed', { method: 'POST', json: { id: webhook } });
    expect(await rest.json()).toEqual({ result: { discarded: 1 } });
    expect(await deliveries(app, webhook)).toEqual([]);
  });

  it('refuses an unknown webhook (404), bad ids naming the field (400) and keys without the scope (403)', async () => {
    const { app, hook } = await started();
    const webhook = await createWebhook(app, hook.url);
    const neighbour = await createWebhook(app, hook.url);
    record(app, 'refused-1');
    await expect.poll(async () => (await counts(app, webhook)).failed).toBe(1);
    await expect.poll(async () => (await counts(app, neighbour)).failed).toBe(1);
    const own = await idOf(app, webhook, 'refused-1');
    const foreign = await idOf(app, neighbour, 'refused-1');

    const unknown = await discard(app, 'wh_missing');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('wh_missing');

    const cases: [unknown, string][] = [
      [{ ids: [] }, 'ids'],
      [{ ids: 'all' }, 'ids'],
      [{ ids: [own, 'x'] }, 'ids.1'],
      [{ ids: [1.5] }, 'ids.0'],
      [{ ids: [0] }, 'ids.0'],
      [{ ids: Array.from({ length: 1001 }, (_, index) => index + 1) }, 'ids'],
      [{ status: 'failed' }, 'status'],
      // Another webhook's delivery: refused as a whole, so this webhook's own one stays too.
      [{ ids: [own, foreign] }, 'ids.1'],
      [{ ids: [own, 999999] }, 'ids.1'],
    ];
    for (const [body, field] of cases) {
      const response = await discard(app, webhook, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      const { error } = (await response.json()) as { error: { field: string; message: string } };
      expect(error.field).toBe(field);
      expect(error.message.startsWith(`${field}: `)).toBe(true);
    }
    expect(await counts(app, webhook)).toEqual({ pending: 0, failed: 1 });
    expect(await counts(app, neighbour)).toEqual({ pending: 0, failed: 1 });

    const created = await app.request('/api/v1/keys', {
      method: 'POST',
      json: { name: 'Reader', scopes: ['messages:read'] },
    });
    const { key: reader } = (await created.json()) as CreatedKey;
    expect((await discard(app, webhook, undefined, reader)).status).toBe(403);
    expect(await counts(app, webhook)).toEqual({ pending: 0, failed: 1 });
  });
});
