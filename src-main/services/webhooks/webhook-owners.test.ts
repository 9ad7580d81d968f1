import { describe, expect, it, vi } from 'vitest';
import type {
  CreatedWebhook,
  WebhookDeliveryList,
  WebhookList,
} from '../../../src-shared/contract/webhooks.js';
import { useCleanups } from '../../../testkit/support/cleanups.js';
import { personGrant } from '../../../testkit/support/grants.js';
import {
  signedInPerson,
  textRecord,
  type SignedInPerson,
} from '../../../testkit/support/signed-in-person.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import { startReceiver, type WebhookReceiver } from '../../../testkit/support/webhook-receiver.js';

const onCleanup = useCleanups();

async function core(): Promise<TestCore> {
  const app = await startTestCore({
    CHATDOCK_WEBHOOK_RETRY_BASE_MS: '20',
    CHATDOCK_WEBHOOK_RETRY_MAX_MS: '100',
    CHATDOCK_WEBHOOK_MAX_ATTEMPTS: '1000',
  });
  onCleanup(() => app.stop());
  for (const id of ['shop', 'other']) {
    expect((await app.request('/api/v1/sessions', { method: 'POST', json: { id } })).status).toBe(201);
  }
  return app;
}

async function receiver(): Promise<WebhookReceiver> {
  const started = await startReceiver();
  onCleanup(() => started.close());
  return started;
}

async function json<T>(response: Promise<Response>, status = 200): Promise<T> {
  const answer = await response;
  expect(answer.status, await answer.clone().text()).toBe(status);
  return (await answer.json()) as T;
}

let counter = 0;
/** A customer's text stored as WhatsApp's would be (the store records `message.received`). */
function incoming(app: TestCore, session: string, text: string): string {
  counter += 1;
  const chat = `97250000${String(counter).padStart(4, '0')}@s.whatsapp.net`;
  const record = textRecord(chat, `OWN${counter}`, { text });
  app.core.services.messaging.store.ingest(session, [record], 'live');
  return `OWN${counter}`;
}

/** Dana, an agent who may read number `shop` only. */
async function dana(app: TestCore): Promise<SignedInPerson> {
  // Chatdock keeps one enabled owner at least: Olive, so Dana may be disabled and deleted.
  await signedInPerson(app, 'Olive', 'owner');
  const person = await signedInPerson(app, 'Dana');
  const granted = await app.request('/api/v1/sessions/shop/permissions', {
    method: 'PUT',
    json: { grants: [personGrant(person.id)] },
  });
  expect(granted.status).toBe(200);
  return person;
}

/** The texts of the messages a receiver got, each once (a retried delivery arrives again). */
const texts = (hook: WebhookReceiver) => [
  ...new Set(
    hook.received
      .filter((delivery) => delivery.json.type === 'message.received')
      .map((delivery) => (delivery.json.data as { text: string }).text),
  ),
];

/**
 * Issue #26 point 12 (seed 001's per-user webhooks): a webhook created by a person is theirs and
 * receives only what they may read; agents manage only their own, admins and keys all of them.
 */
describe('webhooks owned by a person', () => {
  it('belong to their creator: an agent sees and changes only hers, the admin key sees all with their owner', async () => {
    const app = await core();
    const person = await dana(app);
    const hook = await receiver();
    const mine = await json<CreatedWebhook>(
      person.request('/api/v1/webhooks', { method: 'POST', json: { name: 'Dana CRM', url: hook.url } }),
      201,
    );
    expect(mine.webhook.owner).toEqual({ id: person.id, name: 'Dana' });
    const keys = await json<CreatedWebhook>(
      app.request('/api/v1/webhooks', { method: 'POST', json: { name: 'Team CRM', url: hook.url } }),
      201,
    );
    expect(keys.webhook.owner).toBeNull();

    const hers = await json<WebhookList>(person.request('/api/v1/webhooks'));
    expect(hers.items.map((webhook) => webhook.name)).toEqual(['Dana CRM']);
    const all = await json<WebhookList>(app.request('/api/v1/webhooks'));
    expect(all.items.map((webhook) => [webhook.name, webhook.owner?.name ?? null])).toEqual([
      ['Dana CRM', 'Dana'],
      ['Team CRM', null],
    ]);

    for (const [method, path] of [
      ['GET', `/api/v1/webhooks/${keys.webhook.id}`],
      ['PATCH', `/api/v1/webhooks/${keys.webhook.id}`],
      ['DELETE', `/api/v1/webhooks/${keys.webhook.id}`],
      ['POST', `/api/v1/webhooks/${keys.webhook.id}/secret`],
      ['GET', `/api/v1/webhooks/${keys.webhook.id}/deliveries`],
    ] as const) {
      const answer = await person.request(path, {
        method,
        ...(method === 'PATCH' ? { json: { enabled: false } } : {}),
      });
      expect(answer.status, `${method} ${path}`).toBe(403);
    }
    // A number she may not read cannot be a filter of hers either.
    const elsewhere = await person.request('/api/v1/webhooks', {
      method: 'POST',
      json: { url: hook.url, session: 'other' },
    });
    expect(elsewhere.status).toBe(403);
    // Her own she may change.
    const paused = await person.request(`/api/v1/webhooks/${mine.webhook.id}`, {
      method: 'PATCH',
      json: { enabled: false },
    });
    expect(paused.status).toBe(200);
  }, 60_000);

  it('receive only what the owner may read, checked again before each send; the owner disabled or deleted stops them', async () => {
    const app = await core();
    const person = await dana(app);
    const hers = await receiver();
    const everyone = await receiver();
    const { webhook } = await json<CreatedWebhook>(
      person.request('/api/v1/webhooks', {
        method: 'POST',
        json: { url: hers.url, events: ['message.received'] },
      }),
      201,
    );
    await json(
      app.request('/api/v1/webhooks', {
        method: 'POST',
        json: { url: everyone.url, events: ['message.received'] },
      }),
      201,
    );

    incoming(app, 'other', 'for other only');
    incoming(app, 'shop', 'for the shop');
    await everyone.until((received) => received.length === 2, 30_000);
    await hers.until((received) => received.length === 1, 30_000);
    expect(texts(hers)).toEqual(['for the shop']);
    // The outbox wrote nothing of number "other" for her: not late, never.
    const queued = await json<WebhookDeliveryList>(app.request(`/api/v1/webhooks/${webhook.id}/deliveries`));
    expect(queued.items.map((delivery) => delivery.session)).toEqual(['shop']);

    // Disabled, she receives nothing; enabled again, she does.
    await json(app.request(`/api/v1/users/${person.id}`, { method: 'PATCH', json: { disabled: true } }));
    incoming(app, 'shop', 'while Dana is disabled');
    await everyone.until((received) => received.length === 3, 30_000);
    await json(app.request(`/api/v1/users/${person.id}`, { method: 'PATCH', json: { disabled: false } }));
    incoming(app, 'shop', 'Dana is back');
    await hers.until((received) => received.length === 2, 30_000);
    expect(texts(hers)).toEqual(['for the shop', 'Dana is back']);

    // A delivery queued while she could read the number is not sent once she no longer can.
    hers.answerWith({ status: 503 });
    incoming(app, 'shop', 'queued, then her right goes');
    await hers.until((received) => received.length === 3, 30_000);
    await json(app.request('/api/v1/sessions/shop/permissions', { method: 'PUT', json: { grants: [] } }));
    hers.answerWith({ status: 200, body: '{}' });
    await vi.waitFor(
      async () => {
        const page = await json<WebhookDeliveryList>(
          app.request(`/api/v1/webhooks/${webhook.id}/deliveries?status=failed`),
        );
        expect(page.items[0]?.lastError).toBe("the webhook's owner may no longer read this event");
      },
      { timeout: 30_000, interval: 50 },
    );
    expect(texts(hers)).toEqual(['for the shop', 'Dana is back', 'queued, then her right goes']);
    expect(hers.received.filter((delivery) => delivery.json.session !== 'shop')).toEqual([]);

    // Deleted with her.
    const removed = await app.request(`/api/v1/users/${person.id}`, {
      method: 'DELETE',
      json: { confirm: true },
    });
    expect(removed.status, await removed.text()).toBeLessThan(300);
    expect((await app.request(`/api/v1/webhooks/${webhook.id}`)).status).toBe(404);
    incoming(app, 'shop', 'after Dana left');
    await everyone.until((received) => received.length === 6, 30_000);
  }, 90_000);
});
