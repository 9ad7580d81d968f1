import { describe, expect, it } from 'vitest';
import type { CreatedWebhook } from '../../../src-shared/contract/webhooks.js';
import { useCleanups } from '../../../testkit/support/cleanups.js';
import { personGrant } from '../../../testkit/support/grants.js';
import { linkedWorld, linkSession } from '../../../testkit/support/linked-session.js';
import { signedInPerson } from '../../../testkit/support/signed-in-person.js';
import { startReceiver } from '../../../testkit/support/webhook-receiver.js';

const onCleanup = useCleanups();

/**
 * Issue #26 point 12 through the real path: real Baileys on the local WhatsApp server, two linked
 * numbers, a customer writing to both. Dana, an agent who reads only "shop", has a webhook of her
 * own subscribed to every event: it never receives anything of the other number.
 */
describe("an agent's webhook, live", () => {
  it('never receives an event of a number she cannot read', async () => {
    const world = await linkedWorld({ shopPhone: '972503331100', customerPhone: '972504441100' });
    onCleanup(() => world.close());
    const { app, emulator, customer } = world;
    await linkSession(app, emulator, '972503332200', { id: 'other', name: 'Other' });

    await signedInPerson(app, 'Olive', 'owner');
    const dana = await signedInPerson(app, 'Dana');
    const granted = await app.request('/api/v1/sessions/shop/permissions', {
      method: 'PUT',
      json: { grants: [personGrant(dana.id)] },
    });
    expect(granted.status).toBe(200);

    const hers = await startReceiver();
    const everyone = await startReceiver();
    onCleanup(() => hers.close());
    onCleanup(() => everyone.close());
    const created = await dana.request('/api/v1/webhooks', { method: 'POST', json: { url: hers.url } });
    expect(created.status).toBe(201);
    expect(((await created.json()) as CreatedWebhook).webhook.owner?.name).toBe('Dana');
    const control = await app.request('/api/v1/webhooks', { method: 'POST', json: { url: everyone.url } });
    expect(control.status).toBe(201);

    const received = (deliveries: typeof hers.received, session: string, text: string) =>
      deliveries.some(
        (delivery) =>
          delivery.json.type === 'message.received' &&
          delivery.json.session === session &&
          (delivery.json.data as { text?: string }).text === text,
      );
    await customer.sendText('972503332200@s.whatsapp.net', 'hello other');
    await customer.sendText(world.shopJid, 'hello shop');
    await everyone.until((all) => received(all, 'other', 'hello other'), 90_000);
    await everyone.until((all) => received(all, 'shop', 'hello shop'), 90_000);
    await hers.until((all) => received(all, 'shop', 'hello shop'), 90_000);

    // Everything of number "other" (its message, chat and contact events) reached the control
    // webhook; none of it was queued for hers, so none can arrive later either.
    expect(everyone.received.some((delivery) => delivery.json.session === 'other')).toBe(true);
    expect(hers.received.filter((delivery) => delivery.json.session === 'other')).toEqual([]);
    const queued = app.core.db.$client
      .prepare(
        `SELECT count(*) FROM webhook_deliveries d JOIN events e ON e.id = d.event_id
          JOIN webhooks w ON w.id = d.webhook_id WHERE w.owner_user_id = ? AND e.session_id = 'other'`,
      )
      .pluck()
      .get(dana.id);
    expect(queued).toBe(0);
  }, 180_000);
});
