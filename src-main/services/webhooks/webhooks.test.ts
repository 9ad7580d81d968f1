import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import type {
  CreatedWebhook,
  Webhook as WebhookInfo,
  WebhookDeliveryDetail,
  WebhookDeliveryList,
} from '../../../src-shared/contract/webhooks.js';
import type { Call, Message } from '../../../src-shared/messages.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import {
  startReceiver,
  uniqueIds,
  type ReceivedDelivery,
  type WebhookReceiver,
} from '../../../testkit/support/webhook-receiver.js';
import { linkedWorld } from '../../../testkit/support/linked-session.js';
import { useCleanups } from '../../../testkit/support/cleanups.js';

const onCleanup = useCleanups();

/** A core whose webhook worker uses `env` (short retry delays, parsed by core/config.ts). */
async function core(env: Record<string, string> = {}): Promise<TestCore> {
  const app = await startTestCore({
    CHATDOCK_WEBHOOK_RETRY_BASE_MS: '20',
    CHATDOCK_WEBHOOK_RETRY_MAX_MS: '100',
    CHATDOCK_WEBHOOK_MAX_ATTEMPTS: '1000',
    ...env,
  });
  onCleanup(() => app.stop());
  return app;
}

async function receiver(): Promise<WebhookReceiver> {
  const started = await startReceiver();
  onCleanup(() => started.close());
  return started;
}

async function json<T>(response: Response): Promise<T> {
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as T;
}

async function createWebhook(app: TestCore, body: Record<string, unknown>): Promise<CreatedWebhook> {
  const response = await app.request('/api/v1/webhooks', { method: 'POST', json: body });
  expect(response.status).toBe(201);
  return (await response.json()) as CreatedWebhook;
}

async function deliveries(app: TestCore, webhookId: string, query = ''): Promise<WebhookDeliveryList> {
  return json<WebhookDeliveryList>(await app.request(`/api/v1/webhooks/${webhookId}/deliveries${query}`));
}

let messageCounter = 0;
function message(chat: string, text: string): Message {
  messageCounter += 1;
  return {
    id: `MSG${messageCounter}`,
    session: 'shop',
    chat,
    fromMe: false,
    sender: chat,
    senderName: null,
    type: 'text',
    text,
    media: null,
    content: null,
    quotedId: null,
    mentions: [],
    status: 'delivered',
    timestamp: new Date().toISOString(),
    timestampUnix: Math.floor(Date.now() / 1000),
    edited: false,
    revoked: false,
    forwarded: false,
    reactions: [],
  };
}

describe('webhook delivery', () => {
  it('POSTs signed envelopes that a Standard Webhooks receiver verifies; a wrong secret fails', async () => {
    const app = await core();
    const hook = await receiver();
    const { webhook, secret } = await createWebhook(app, {
      name: 'CRM',
      url: hook.url,
      headers: { Authorization: 'Bearer crm-token' },
    });
    expect(secret).toMatch(/^whsec_/);
    expect(webhook).toMatchObject({ name: 'CRM', session: null, events: null, enabled: true });

    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop', name: 'Shop' } });
    await app.request('/rpc/settings.update', { method: 'POST', json: { lanAccess: true } });
    app.core.services.events.record('message.received', 'shop', message('1@s.whatsapp.net', 'שלום 👋'));
    await hook.until((received) => received.length === 3);

    const verifier = new Webhook(secret);
    const wrong = new Webhook('whsec_' + Buffer.from('not the secret at all!!!').toString('base64'));
    for (const delivery of hook.received) {
      const headers = delivery.headers as Record<string, string>;
      expect(verifier.verify(delivery.body, headers)).toEqual(delivery.json);
      expect(() => wrong.verify(delivery.body, headers)).toThrow();
      expect(headers['webhook-id']).toBe(delivery.json.id);
      expect(headers['content-type']).toBe('application/json');
      expect(headers.authorization).toBe('Bearer crm-token');
      expect(headers['user-agent']).toMatch(/^Chatdock\//);
    }
    expect(hook.received.map((delivery) => delivery.json.type).sort()).toEqual([
      'message.received',
      'session.status',
      'settings.updated',
    ]);
    const received = hook.received.find((delivery) => delivery.json.type === 'message.received');
    expect(received?.json).toMatchObject({ session: 'shop', data: { text: 'שלום 👋' } });

    // Arrived is not yet stored: the worker stores what finished in one turn of its loop together.
    await expect
      .poll(async () => (await deliveries(app, webhook.id)).items.map((item) => item.status))
      .toEqual(['succeeded', 'succeeded', 'succeeded']);
    const list = await deliveries(app, webhook.id);
    const detail = await json<WebhookDeliveryDetail>(
      await app.request(`/api/v1/webhooks/deliveries/${list.items[0]?.id}`),
    );
    expect(detail.attemptLog).toEqual([
      expect.objectContaining({ statusCode: 200, error: null, responseExcerpt: '{}' }),
    ]);
    expect(detail.attemptLog[0]?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps every event through a receiver outage and delivers each chat in order', async () => {
    const app = await core();
    const hook = await receiver();
    const { webhook } = await createWebhook(app, { url: hook.url, events: ['message.received'] });
    hook.answerWith('down');

    const chats = ['1@s.whatsapp.net', '2@s.whatsapp.net', '3@g.us'];
    const expected = new Map<string, string[]>(chats.map((chat) => [chat, []]));
    const record = (round: number) => {
      for (const chat of chats) {
        const event = app.core.services.events.record('message.received', 'shop', message(chat, `#${round}`));
        expected.get(chat)?.push(event.id);
      }
    };
    for (let round = 0; round < 5; round += 1) record(round);
    // Down for a while: many attempts fail, and more events arrive meanwhile.
    await hook.untilDropped(20);
    for (let round = 5; round < 10; round += 1) record(round);
    await hook.untilDropped(30);
    const pending = await json<WebhookInfo>(await app.request(`/api/v1/webhooks/${webhook.id}`));
    expect(pending.pending).toBe(30);

    hook.answerWith({ status: 200, body: '' });
    await hook.until((received) => received.length >= 30);
    // Answered requests are successes, so nothing arrives twice.
    expect(hook.received).toHaveLength(30);
    for (const chat of chats) {
      const arrived = hook.received
        .filter((delivery) => (delivery.json.data as { chat: string }).chat === chat)
        .map((delivery) => delivery.json.id);
      expect(arrived).toEqual(expected.get(chat));
    }
    await expect
      .poll(async () => json<WebhookInfo>(await app.request(`/api/v1/webhooks/${webhook.id}`)))
      .toMatchObject({ pending: 0, failed: 0 });
    const first = (await deliveries(app, webhook.id)).items.at(-1);
    const detail = await json<WebhookDeliveryDetail>(
      await app.request(`/api/v1/webhooks/deliveries/${first?.id}`),
    );
    expect(detail.attemptLog.length).toBeGreaterThan(1);
    expect(detail.attemptLog[0]).toMatchObject({
      statusCode: null,
      error: expect.stringMatching(/^connection failed: /),
    });
    expect(detail.attemptLog.at(-1)).toMatchObject({ statusCode: 200 });
  });

  it('fails at once on a 4xx; failed deliveries stay listed and are retried one by one or all at once', async () => {
    const app = await core();
    const hook = await receiver();
    const { webhook } = await createWebhook(app, { url: hook.url, events: ['message.received'] });
    hook.answerWith({ status: 410, body: 'gone for now' });
    for (const chat of ['a@s.whatsapp.net', 'b@s.whatsapp.net', 'c@s.whatsapp.net']) {
      app.core.services.events.record('message.received', 'shop', message(chat, 'hello'));
    }
    await hook.until((received) => received.length === 3);
    await expect.poll(async () => (await deliveries(app, webhook.id, '?status=failed')).items.length).toBe(3);
    const failed = await deliveries(app, webhook.id, '?status=failed');
    expect(failed.items[0]).toMatchObject({ attempts: 1, lastStatusCode: 410, lastError: 'HTTP 410' });
    const detail = await json<WebhookDeliveryDetail>(
      await app.request(`/api/v1/webhooks/deliveries/${failed.items[0]?.id}`),
    );
    expect(detail.attemptLog).toEqual([
      expect.objectContaining({ statusCode: 410, responseExcerpt: 'gone for now' }),
    ]);

    hook.answerWith({ status: 204 });
    const one = await app.request(`/api/v1/webhooks/deliveries/${failed.items[0]?.id}/retry`, {
      method: 'POST',
    });
    expect(one.status).toBe(202);
    await hook.until((received) => received.length === 4);
    const all = await json<{ retried: number }>(
      await app.request(`/api/v1/webhooks/${webhook.id}/retry`, { method: 'POST' }),
    );
    expect(all.retried).toBe(2);
    await hook.until((received) => received.length === 6);
    await expect
      .poll(async () => (await deliveries(app, webhook.id)).items.map((item) => item.status))
      .toEqual(['succeeded', 'succeeded', 'succeeded']);
    const again = await app.request(`/api/v1/webhooks/deliveries/${failed.items[0]?.id}/retry`, {
      method: 'POST',
    });
    expect(again.status).toBe(409);
  });

  it('gives up after the last attempt and says why', async () => {
    const app = await core({ CHATDOCK_WEBHOOK_MAX_ATTEMPTS: '3' });
    const hook = await receiver();
    const { webhook } = await createWebhook(app, { url: hook.url });
    hook.answerWith({ status: 503, body: 'maintenance' });
    await app.request('/rpc/settings.update', { method: 'POST', json: { lanAccess: true } });
    await hook.until((received) => received.length === 3);
    await expect.poll(async () => (await deliveries(app, webhook.id)).items[0]?.status).toBe('failed');
    const [failed] = (await deliveries(app, webhook.id)).items;
    expect(failed).toMatchObject({ attempts: 3, lastStatusCode: 503, nextAttemptAt: null });
    const info = await json<WebhookInfo>(await app.request(`/api/v1/webhooks/${webhook.id}`));
    expect(info).toMatchObject({ failed: 1, pending: 0 });
  });

  it('counts a slow receiver as a timeout and retries it', async () => {
    // A timeout wide enough that a prompt answer on a busy machine never hits it, and a first
    // answer held far past it.
    const app = await core({ CHATDOCK_WEBHOOK_TIMEOUT_MS: '1000' });
    const hook = await receiver();
    const { webhook } = await createWebhook(app, { url: hook.url });
    let calls = 0;
    hook.answerWith(() => (++calls === 1 ? { status: 200, delayMs: 10_000 } : { status: 200 }));
    await app.request('/rpc/settings.update', { method: 'POST', json: { lanAccess: true } });
    await expect
      .poll(async () => (await deliveries(app, webhook.id)).items[0]?.status, { timeout: 15_000 })
      .toBe('succeeded');
    const [delivery] = (await deliveries(app, webhook.id)).items;
    const detail = await json<WebhookDeliveryDetail>(
      await app.request(`/api/v1/webhooks/deliveries/${delivery?.id}`),
    );
    expect(detail.attemptLog.map((attempt) => attempt.error)).toEqual(['timed out after 1000 ms', null]);
  });

  it('waits as long as a receiver asks with Retry-After before trying again', async () => {
    // Without Retry-After the next attempt would come after 20–100 ms (the test's backoff).
    const app = await core({ CHATDOCK_WEBHOOK_RETRY_MAX_MS: '60000' });
    const hook = await receiver();
    await createWebhook(app, { url: hook.url, events: ['message.received'] });
    let calls = 0;
    hook.answerWith(() =>
      ++calls === 1 ? { status: 503, headers: { 'Retry-After': '2' }, body: 'busy' } : { status: 200 },
    );
    app.core.services.events.record('message.received', 'shop', message('7@s.whatsapp.net', 'hi'));
    await hook.until((received) => received.length === 2, 20_000);
    const [first, second] = hook.received as [ReceivedDelivery, ReceivedDelivery];
    expect(second.json.id).toBe(first.json.id);
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(2000);
  });

  it("holds a disabled webhook's pending deliveries until it is enabled again, then sends them", async () => {
    const app = await core();
    const paused = await receiver();
    const control = await receiver();
    const { webhook } = await createWebhook(app, { url: paused.url, events: ['message.received'] });
    await createWebhook(app, { url: control.url, events: ['message.received'] });
    paused.answerWith('down');
    const waiting = app.core.services.events.record(
      'message.received',
      'shop',
      message('8@s.whatsapp.net', 'while you were away'),
    );
    await paused.untilDropped(1);
    const disabled = await app.request(`/api/v1/webhooks/${webhook.id}`, {
      method: 'PATCH',
      json: { enabled: false },
    });
    expect(disabled.status).toBe(200);
    paused.answerWith({ status: 200 });
    // Past the moment its retry was due, the worker has run again (the other webhook got a later
    // event), and the disabled one was not sent anything.
    const [pending] = (await deliveries(app, webhook.id)).items;
    expect(pending).toMatchObject({ status: 'pending' });
    const due = Date.parse(pending?.nextAttemptAt ?? '');
    await expect.poll(() => Date.now()).toBeGreaterThan(due);
    const later = app.core.services.events.record(
      'message.received',
      'shop',
      message('9@s.whatsapp.net', 'x'),
    );
    await control.until((received) => received.some((d) => d.json.id === later.id));
    expect(paused.received).toEqual([]);
    expect((await deliveries(app, webhook.id)).items).toEqual([
      expect.objectContaining({ status: 'pending', eventId: waiting.id }),
    ]);

    await app.request(`/api/v1/webhooks/${webhook.id}`, { method: 'PATCH', json: { enabled: true } });
    await paused.until((received) => received.length === 1);
    // What waited goes out; what happened while disabled was never queued for it.
    expect(paused.received.map((d) => d.json.id)).toEqual([waiting.id]);
  });

  it('signs with the new secret from the moment it is rotated; the old one no longer verifies', async () => {
    const app = await core();
    const hook = await receiver();
    const { webhook, secret: old } = await createWebhook(app, {
      url: hook.url,
      events: ['message.received'],
    });
    const rotated = await json<{ secret: string }>(
      await app.request(`/api/v1/webhooks/${webhook.id}/secret`, { method: 'POST' }),
    );
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(old);
    const info = await json<Record<string, unknown>>(await app.request(`/api/v1/webhooks/${webhook.id}`));
    expect(JSON.stringify(info)).not.toContain(rotated.secret);
    app.core.services.events.record('message.received', 'shop', message('6@s.whatsapp.net', 'signed'));
    await hook.until((received) => received.length === 1);
    const [delivery] = hook.received as [ReceivedDelivery];
    const headers = delivery.headers as Record<string, string>;
    expect(new Webhook(rotated.secret).verify(delivery.body, headers)).toEqual(delivery.json);
    expect(() => new Webhook(old).verify(delivery.body, headers)).toThrow();
  });

  it('sends a test only to the webhook being tested', async () => {
    const app = await core();
    const first = await receiver();
    const second = await receiver();
    const tested = await createWebhook(app, { url: first.url });
    await createWebhook(app, { url: second.url });
    const response = await app.request(`/api/v1/webhooks/${tested.webhook.id}/test`, { method: 'POST' });
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ eventType: 'webhook.test', status: 'pending' });
    await first.until((received) => received.length === 1);
    expect(first.received[0]?.json).toMatchObject({
      type: 'webhook.test',
      data: { webhookId: tested.webhook.id },
    });
    expect(
      new Webhook(tested.secret).verify(first.received[0]?.body ?? '', first.received[0]?.headers as never),
    ).toBeTruthy();
    // The second webhook's next event would queue behind a test delivery of the same key, if there were one.
    await app.request('/rpc/settings.update', { method: 'POST', json: { lanAccess: true } });
    await second.until((received) => received.length === 1);
    expect(second.received.map((delivery) => delivery.json.type)).toEqual(['settings.updated']);
  });

  it('writes deliveries only for matching sessions and event types, and none while disabled', async () => {
    const app = await core();
    const hook = await receiver();
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop' } });
    const { webhook } = await createWebhook(app, {
      url: hook.url,
      session: 'shop',
      events: ['message.received'],
    });
    const events = app.core.services.events;
    const wanted = events.record('message.received', 'shop', message('1@s.whatsapp.net', 'in'));
    events.record('message.received', 'other', message('1@s.whatsapp.net', 'other session'));
    events.record('message.sent', 'shop', message('1@s.whatsapp.net', 'other type'));
    events.record('settings.updated', null, { lanAccess: true });
    expect((await deliveries(app, webhook.id)).items.map((item) => item.eventId)).toEqual([wanted.id]);

    const disabled = await app.request(`/api/v1/webhooks/${webhook.id}`, {
      method: 'PATCH',
      json: { enabled: false },
    });
    expect(await disabled.json()).toMatchObject({ enabled: false });
    events.record('message.received', 'shop', message('1@s.whatsapp.net', 'while disabled'));
    expect((await deliveries(app, webhook.id)).items).toHaveLength(1);
    const test = await app.request(`/api/v1/webhooks/${webhook.id}/test`, { method: 'POST' });
    expect(test.status).toBe(409);

    await app.request(`/api/v1/webhooks/${webhook.id}`, { method: 'PATCH', json: { enabled: true } });
    const later = events.record('message.received', 'shop', message('1@s.whatsapp.net', 'enabled again'));
    await hook.until((received) => received.length === 2);
    expect(uniqueIds(hook.received)).toEqual([wanted.id, later.id]);
  });

  it('writes a delivery exactly when its event is stored (same transaction)', async () => {
    const app = await core();
    const hook = await receiver();
    const { webhook } = await createWebhook(app, { url: hook.url });
    const events = app.core.services.events;
    expect(() =>
      events.transaction(() => {
        events.record('settings.updated', null, { lanAccess: true });
        throw new Error('the fact was not stored after all');
      }),
    ).toThrow('not stored');
    expect((await deliveries(app, webhook.id)).items).toEqual([]);
    expect(events.since('', 10)).toEqual([]);
  });

  it('validates webhooks naming the field', async () => {
    const app = await core();
    const cases: [Record<string, unknown>, string][] = [
      [{ url: 'ftp://example.test/x' }, 'url'],
      [{ url: 'http://127.0.0.1/x', events: ['message.nope'] }, 'events.0'],
      [{ url: 'http://127.0.0.1/x', events: [] }, 'events'],
      [{ url: 'http://127.0.0.1/x', session: 'missing' }, 'session'],
      [{ url: 'http://127.0.0.1/x', headers: { 'Webhook-Signature': 'x' } }, 'headers.Webhook-Signature'],
      [{ url: 'http://127.0.0.1/x', colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const response = await app.request('/api/v1/webhooks', { method: 'POST', json: body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { error: { field: string } }).error.field).toBe(field);
    }
    const types = await json<{ items: { type: string }[] }>(
      await app.request('/api/v1/webhooks/event-types'),
    );
    expect(types.items.map((item) => item.type)).toContain('message.received');
    expect(types.items.map((item) => item.type)).not.toContain('webhook.test');
  });
});

describe('receiver answers', () => {
  it('a {"reply"} reaches the customer on WhatsApp and a {"rejectMessage"} rejects their call', async () => {
    // Real calls through Baileys to a customer of the local WhatsApp server: the answers must
    // reach WhatsApp, not only the service that would forward them.
    const world = await linkedWorld({ shopPhone: '972503330000', customerPhone: '972504440000' });
    onCleanup(() => world.close());
    const hook = await receiver();
    await createWebhook(world.app, { url: hook.url, events: ['message.received', 'call.received'] });
    hook.answerWith((delivery) =>
      delivery.json.type === 'message.received'
        ? { status: 200, body: JSON.stringify({ reply: 'We open at 9 ☀️' }) }
        : { status: 200, body: JSON.stringify({ rejectMessage: 'Please text us' }) },
    );
    const { customer } = world;
    await customer.sendText(world.shopJid, 'open?');
    const reply = await customer.waitForText('We open at 9 ☀️');
    expect(reply.key.remoteJid).toBe(world.shopJid);

    const record = world.emulator.placeCall(customer.phone, world.shopPhone);
    await customer.waitFor(
      () => customer.calls.find((c) => c.id === record.callId && c.status === 'reject'),
      15_000,
      'the reject to reach the caller',
    );
    await customer.waitForText('Please text us');
    const calls = await json<{ items: Call[] }>(await world.app.request('/api/v1/sessions/shop/calls'));
    expect(calls.items.find((c) => c.id === record.callId)).toMatchObject({
      status: 'reject',
      rejectMessage: 'Please text us',
    });
  });
});
