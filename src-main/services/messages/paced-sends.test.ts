/**
 * Human-paced group sends (issue #26 point 5) through REST, with a real core linked on the local
 * WhatsApp server and a real Baileys customer in the group. The pause's clock and random draw are
 * injected (a ManualClock and a fixed draw), so "3.5 s later" takes no real time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageText } from '../../../testkit/wa-emulator/customer.js';
import type { SendPacing } from '../../../src-shared/contract/send-pacing.js';
import type { Group, Message } from '../../../src-shared/messages.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { ManualClock } from '../schedule/clock.js';

let world: LinkedWorld;
let group: Group;
const clock = new ManualClock();

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972505570000', customerPhone: '972505570001' });
  // A draw of 0.5 in 2000–5000 ms: a 3.5 s pause.
  world.app.core.services.messaging.pacedSends.useClock(clock, () => 0.5);
  const created = await world.app.request('/api/v1/sessions/shop/groups', {
    method: 'POST',
    json: { subject: 'Paced customers', participants: [world.customer.phone] },
  });
  group = (await created.json()) as Group;
}, 90_000);

afterAll(async () => {
  await world?.close();
});

async function send(json: object, key?: string): Promise<{ status: number; body: Message }> {
  const response = await world.app.request('/api/v1/sessions/shop/messages', {
    method: 'POST',
    json,
    ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
  });
  return { status: response.status, body: (await response.json()) as Message };
}

const sentEvent = (id: string) =>
  world.waitForEvent((e) => e.type === 'message.sent' && e.data.id === id, 60_000);
const received = (text: string) => world.customer.received.filter((m) => messageText(m) === text);

describe('human-paced group sends', () => {
  it(
    'a group send is answered 202 pending and goes out once after its 2–5 s pause',
    { timeout: 90_000 },
    async () => {
      const accepted = await send({ to: group.jid, type: 'text', text: 'Sale starts at noon' }, 'sale-noon');
      expect(accepted.status).toBe(202);
      expect(accepted.body).toMatchObject({
        status: 'pending',
        chat: group.jid,
        fromMe: true,
        text: 'Sale starts at noon',
      });
      const pause = Date.parse(accepted.body.sendAt!) - clock.now();
      expect(pause).toBe(3500);
      expect(pause).toBeGreaterThanOrEqual(2000);
      expect(pause).toBeLessThanOrEqual(5000);
      expect(world.events.some((e) => e.type === 'message.paced' && e.data.id === accepted.body.id)).toBe(
        true,
      );

      // A retry during the pause gets the same answer and queues nothing.
      const retry = await send({ to: group.jid, type: 'text', text: 'Sale starts at noon' }, 'sale-noon');
      expect(retry).toMatchObject({ status: 202, body: { id: accepted.body.id, status: 'pending' } });
      // The conversation, opened again during the pause, lists it as announced.
      const waitingPath = `/api/v1/sessions/shop/chats/${encodeURIComponent(group.jid)}/paced`;
      const waiting = async () =>
        ((await (await world.app.request(waitingPath)).json()) as { items: Message[] }).items;
      expect(await waiting()).toEqual([accepted.body]);

      clock.advance(3499);
      await world.app.core.services.messaging.pacedSends.idle();
      expect(world.events.some((e) => e.type === 'message.sent' && e.data.id === accepted.body.id)).toBe(
        false,
      );

      const sent = sentEvent(accepted.body.id);
      clock.advance(1);
      expect((await sent).data).toMatchObject({ id: accepted.body.id, chat: group.jid });
      const got = await world.customer.waitForMessage((m) => m.key.id === accepted.body.id, 60_000);
      expect(got.key.remoteJid).toBe(group.jid);

      expect(await waiting()).toEqual([]);

      // After it went out, the key answers with the sent message (201).
      const after = await send({ to: group.jid, type: 'text', text: 'Sale starts at noon' }, 'sale-noon');
      expect(after.status).toBe(201);
      expect(after.body).toMatchObject({ id: accepted.body.id });
      expect(after.body.sendAt).toBeUndefined();

      // A direct message is not paced; it also proves nothing more of the group send is on its way.
      const direct = await send({ to: world.customer.phone, type: 'text', text: 'Your order is ready' });
      expect(direct.status).toBe(201);
      expect(direct.body.sendAt).toBeUndefined();
      await world.customer.waitForMessage((m) => m.key.id === direct.body.id, 60_000);
      expect(received('Sale starts at noon')).toHaveLength(1);
    },
  );

  it('with pacing off for the number, a group send goes out at once (201)', { timeout: 90_000 }, async () => {
    const turnedOff = await world.app.request('/api/v1/sessions/shop/pacing', {
      method: 'PUT',
      json: { groupSends: false },
    });
    expect((await turnedOff.json()) as SendPacing).toEqual({ groupSends: false, minMs: 2000, maxMs: 5000 });
    const now = await send({ to: group.jid, type: 'text', text: 'No pause for this one' });
    expect(now.status).toBe(201);
    expect(now.body.sendAt).toBeUndefined();
    await world.customer.waitForMessage((m) => m.key.id === now.body.id, 60_000);

    await world.app.request('/api/v1/sessions/shop/pacing', { method: 'PUT', json: { groupSends: true } });
    const back = (await (await world.app.request('/api/v1/sessions/shop/pacing')).json()) as SendPacing;
    expect(back.groupSends).toBe(true);
  });

  it('a bad paced send is refused before the pause, naming the field, and queues nothing', async () => {
    const bad = await send({ to: group.jid, type: 'text', text: 'Re: nothing', replyTo: 'NO-SUCH-MESSAGE' });
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as { error: { field: string } }).error.field).toBe('replyTo');
    const notBool = await world.app.request('/api/v1/sessions/shop/pacing', {
      method: 'PUT',
      json: { groupSends: 'yes' },
    });
    expect(notBool.status).toBe(400);
    const waiting = world.app.core.db.$client.prepare('SELECT count(*) FROM paced_sends').pluck().get();
    expect(waiting).toBe(0);
  });
});
