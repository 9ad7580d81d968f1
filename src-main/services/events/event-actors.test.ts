import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedKey } from '../../../src-shared/contract/keys.js';
import type { Actor, AuditList } from '../../../src-shared/contract/people.js';
import type { Tag } from '../../../src-shared/contract/organize.js';
import type { CreatedWebhook } from '../../../src-shared/contract/webhooks.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

interface StoredEvent {
  type: string;
  data: Record<string, unknown>;
  actor: Actor;
}

const CHAT = '972501112223@s.whatsapp.net';

/**
 * Every event names who caused it (issue #15): the person or key behind a tagging, a settings
 * change, a deleted number, a webhook test or a campaign, and the system for everything else.
 * Read back through the event stream's replay (what webhooks and reconnecting clients get).
 */
describe('the actor on every event', () => {
  let app: TestCore;
  let crmKey: string;

  /** Events of `type` replayed from the store, oldest first. */
  function eventsOf(type: string): StoredEvent[] {
    return app.core.services.events
      .since('evt_0', 10_000)
      .filter((event) => event.type === type)
      .map((event) => ({
        type: event.type,
        data: event.data as Record<string, unknown>,
        actor: event.actor,
      }));
  }

  async function ok<T>(response: Promise<Response>): Promise<T> {
    const answer = await response;
    expect(answer.status, await answer.clone().text()).toBeLessThan(300);
    return (answer.status === 204 ? undefined : await answer.json()) as T;
  }

  beforeAll(async () => {
    app = await startTestCore();
    await ok(app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop' } }));
    await ok(app.request('/api/v1/sessions', { method: 'POST', json: { id: 'spare' } }));
    const created = await ok<CreatedKey>(
      app.request('/api/v1/keys', {
        method: 'POST',
        json: { name: 'crm', scopes: ['messages:read', 'messages:send'] },
      }),
    );
    crmKey = created.key;
    app.core.db.$client
      .prepare(
        `INSERT INTO chats (session_id, jid, kind, name, last_message_at) VALUES ('shop', ?, 'user', 'Noa', 1)`,
      )
      .run(CHAT);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('a tagging by a named key carries the key as actor, and keeps the documented label in data', async () => {
    const tag = await ok<Tag>(
      app.request('/api/v1/tags', { method: 'POST', json: { name: 'VIP', color: '#aa0000' } }),
    );
    await ok(
      app.request(`/api/v1/sessions/shop/chats/${CHAT}/tags/${tag.id}`, { method: 'PUT', key: crmKey }),
    );
    const [tagged] = eventsOf('chat.tagged');
    expect(tagged?.actor).toEqual({ type: 'key', id: expect.any(String), name: 'API: crm' });
    expect(tagged?.data.actor).toBe('key:crm');
  });

  it('a settings change, a webhook test and a deleted number name the admin key', async () => {
    const admin = { type: 'key', id: expect.any(String), name: 'API: admin key' };
    await ok(app.request('/rpc/settings.update', { method: 'POST', json: { lanAccess: true } }));
    expect(eventsOf('settings.updated').at(-1)?.actor).toEqual(admin);

    const hook = await ok<CreatedWebhook>(
      app.request('/api/v1/webhooks', {
        method: 'POST',
        json: { name: 'Receiver', url: 'http://127.0.0.1:9/hook', events: ['message.received'] },
      }),
    );
    await ok(app.request(`/api/v1/webhooks/${hook.webhook.id}/test`, { method: 'POST' }));
    expect(eventsOf('webhook.test').at(-1)?.actor).toEqual(admin);

    await ok(app.request('/api/v1/sessions/spare', { method: 'DELETE', json: { confirm: true } }));
    expect(eventsOf('session.deleted').at(-1)?.actor).toEqual(admin);
  });

  it('events nobody caused are the system’s, also when replayed from rows stored without an actor', () => {
    // session.status of a new number: the core's own doing.
    expect(eventsOf('session.status')[0]?.actor).toEqual({ type: 'system', id: null, name: 'System' });
    app.core.db.$client.prepare('UPDATE events SET actor = NULL').run();
    for (const event of app.core.services.events.since('evt_0', 10_000)) {
      expect(event.actor, event.type).toEqual({ type: 'system', id: null, name: 'System' });
    }
  });

  it('creating a schedule is recorded in the audit log with who did it', async () => {
    await ok(
      app.request('/api/v1/schedules', {
        method: 'POST',
        key: crmKey,
        json: {
          session: 'shop',
          message: { type: 'text', to: CHAT, text: 'Your order is ready' },
          sendAt: '2099-01-01T10:00:00.000Z',
        },
      }),
    );
    const audit = await ok<AuditList>(app.request('/api/v1/audit?action=schedule.'));
    expect(audit.items[0]).toMatchObject({
      action: 'schedule.created',
      actor: { type: 'key', name: 'API: crm' },
    });
  });
});
