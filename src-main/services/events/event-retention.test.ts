/**
 * The event log keeps a week, but never drops an event a webhook delivery still has to send:
 * a pending one (receiver down, webhook disabled) or a failed one (retried by hand later).
 */
import { describe, expect, it } from 'vitest';
import type { CreatedWebhook, WebhookDeliveryList } from '../../../src-shared/contract/webhooks.js';
import { EventBus } from '../../core/event-bus.js';
import { openDatabase } from '../../db/connection.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import { startReceiver, type WebhookReceiver } from '../../../testkit/support/webhook-receiver.js';
import { EVENT_RETENTION_MS, EventRecorder } from './event-recorder.js';
import { useCleanups } from '../../../testkit/support/cleanups.js';

const onCleanup = useCleanups();

async function started(): Promise<{ app: TestCore; hook: WebhookReceiver }> {
  const app = await startTestCore();
  onCleanup(() => app.stop());
  const hook = await startReceiver();
  onCleanup(() => hook.close());
  return { app, hook };
}

/** A moment at which every event stored so far is past the retention window. */
function eightDaysLater(): number {
  return Date.now() + EVENT_RETENTION_MS + 24 * 60 * 60 * 1000;
}

function presence(app: TestCore, label: string) {
  return app.core.services.events.record('presence.updated', 'shop', {
    chat: `${label}@s.whatsapp.net`,
    jid: label,
    presence: 'available',
  });
}

async function deliveries(app: TestCore, webhookId: string): Promise<WebhookDeliveryList> {
  const response = await app.request(`/api/v1/webhooks/${webhookId}/deliveries`);
  expect(response.status).toBe(200);
  return (await response.json()) as WebhookDeliveryList;
}

describe('event retention', () => {
  it('keeps old events that a failed or pending delivery still needs; a failed one is retried by hand and arrives', async () => {
    const { app, hook } = await started();
    // Each event goes to its own chat, so one delivery does not wait behind another.
    hook.answerWith((delivery) => {
      const label = (delivery.json.data as { jid: string }).jid;
      if (label === 'refused') return { status: 410, body: 'not now' };
      if (label === 'unreachable') return 'down';
      return { status: 200 };
    });
    const created = await app.request('/api/v1/webhooks', {
      method: 'POST',
      json: { url: hook.url, events: ['presence.updated'] },
    });
    const { webhook } = (await created.json()) as CreatedWebhook;
    const refused = presence(app, 'refused');
    const unreachable = presence(app, 'unreachable');
    const delivered = presence(app, 'delivered');
    const unsent = app.core.services.events.record('settings.updated', null, { lanAccess: false });
    await hook.untilDropped(1);
    await expect
      .poll(async () => (await deliveries(app, webhook.id)).items.map((item) => [item.eventId, item.status]))
      .toEqual([
        [delivered.id, 'succeeded'],
        [unreachable.id, 'pending'],
        [refused.id, 'failed'],
      ]);

    const events = app.core.services.events;
    expect(events.prune(eightDaysLater())).toBeGreaterThan(0);
    const kept = events.since('', 1000).map((event) => event.id);
    expect(kept).toEqual([refused.id, unreachable.id]);
    expect(kept).not.toContain(delivered.id);
    expect(kept).not.toContain(unsent.id);

    // The receiver is back: the failed delivery, retried by hand, carries the original event.
    hook.answerWith({ status: 200 });
    const failed = (await deliveries(app, webhook.id)).items.find((item) => item.eventId === refused.id);
    const retry = await app.request(`/api/v1/webhooks/deliveries/${failed?.id}/retry`, { method: 'POST' });
    expect(retry.status).toBe(202);
    await hook.until((received) => received.some((delivery) => delivery.json.id === refused.id));
    expect(hook.received.find((delivery) => delivery.json.id === refused.id)?.json).toEqual({
      id: refused.id,
      type: 'presence.updated',
      session: 'shop',
      timestamp: refused.timestamp,
      data: refused.data,
      actor: { type: 'system', id: null, name: 'System' },
    });
    await expect
      .poll(
        async () => (await deliveries(app, webhook.id)).items.find((item) => item.id === failed?.id)?.status,
      )
      .toBe('succeeded');

    // Delivered now, so the next prune may take it; the pending one still stays.
    events.prune(eightDaysLater());
    expect(events.since('', 1000).map((event) => event.id)).toEqual([unreachable.id]);
  });

  it('lets an old event go once its failed delivery is discarded, unless another delivery still needs it', async () => {
    const { app, hook } = await started();
    hook.answerWith((delivery) =>
      (delivery.json.data as { jid: string }).jid === 'unreachable' ? 'down' : { status: 410 },
    );
    const created = await app.request('/api/v1/webhooks', {
      method: 'POST',
      json: { url: hook.url, events: ['presence.updated'] },
    });
    const { webhook } = (await created.json()) as CreatedWebhook;
    const refused = presence(app, 'refused');
    const unreachable = presence(app, 'unreachable');
    await expect
      .poll(async () => (await deliveries(app, webhook.id)).items.map((item) => item.status))
      .toEqual(['pending', 'failed']);
    const events = app.core.services.events;
    events.prune(eightDaysLater());
    expect(events.since('', 1000).map((event) => event.id)).toEqual([refused.id, unreachable.id]);

    const discarded = await app.request(`/api/v1/webhooks/${webhook.id}/deliveries/discard`, {
      method: 'POST',
    });
    expect(await discarded.json()).toEqual({ discarded: 1 });
    // Not at once: the 7-day rule still holds for the event log's readers.
    events.prune(Date.now());
    expect(events.since('', 1000).map((event) => event.id)).toEqual([refused.id, unreachable.id]);
    expect(events.prune(eightDaysLater())).toBe(1);
    expect(events.since('', 1000).map((event) => event.id)).toEqual([unreachable.id]);
  });

  it('refuses to retry a delivery whose event was pruned before this rule (409), instead of failing it again', async () => {
    const { app, hook } = await started();
    hook.answerWith({ status: 410 });
    const created = await app.request('/api/v1/webhooks', { method: 'POST', json: { url: hook.url } });
    const { webhook } = (await created.json()) as CreatedWebhook;
    const lost = presence(app, 'lost');
    await expect.poll(async () => (await deliveries(app, webhook.id)).items[0]?.status).toBe('failed');
    app.core.db.$client.prepare('DELETE FROM events WHERE id = ?').run(lost.id);

    const [failed] = (await deliveries(app, webhook.id)).items;
    const one = await app.request(`/api/v1/webhooks/deliveries/${failed?.id}/retry`, { method: 'POST' });
    expect(one.status).toBe(409);
    expect(await one.text()).toContain('no longer stored');
    const all = await app.request(`/api/v1/webhooks/${webhook.id}/retry`, { method: 'POST' });
    expect(await all.json()).toEqual({ retried: 0 });
  });

  it('prunes by a range on the event id index and reads only unfinished deliveries', () => {
    const db = openDatabase(':memory:');
    const prepared: string[] = [];
    const prepare = db.$client.prepare.bind(db.$client);
    db.$client.prepare = ((source: string) => {
      prepared.push(source);
      return prepare(source);
    }) as typeof db.$client.prepare;
    new EventRecorder(db, new EventBus({} as never));
    const prune = prepared.find((sql) => sql.startsWith('DELETE FROM events'));
    expect(prune).toBeDefined();
    const plan = (db.$client.prepare(`EXPLAIN QUERY PLAN ${prune}`).all('evt_0') as { detail: string }[])
      .map((row) => row.detail)
      .join('\n');
    db.$client.close();
    expect(plan).toContain('SEARCH events USING COVERING INDEX sqlite_autoindex_events_1 (id<?)');
    expect(plan).toContain('SEARCH webhook_deliveries USING INDEX webhook_deliveries_due_idx (status=?)');
    expect(plan).not.toContain('SCAN');
  });
});
