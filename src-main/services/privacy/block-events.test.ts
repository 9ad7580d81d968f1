/**
 * Blocking and privacy changes are announced (issue #19): `contact.blocked` / `contact.unblocked`
 * and `session.privacy_updated` with who did it; a block made on the phone (the local WhatsApp
 * server pushes the `account_sync` notification as WhatsApp does) arrives with the phone as actor,
 * and a block made here reaches the number's other linked devices the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Customer } from '../../../testkit/wa-emulator/customer.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';

let world: LinkedWorld;
let secondDevice: Customer;
const LIMIT = 90_000;
const blocklistUpdates: { blocklist: string[]; type: string }[] = [];

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972501110194', customerPhone: '972502220194' });
  const sent = await world.customer.sendText(world.shopJid, 'Hello?');
  await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.key.id, LIMIT);
  secondDevice = await Customer.create(world.emulator, { phone: world.shopPhone, name: 'Falafel House' });
  secondDevice.sock.ev.on('blocklist.update', (update) => blocklistUpdates.push(update));
}, LIMIT);

afterAll(async () => {
  await secondDevice?.close();
  await world?.close();
});

function nextEvent(match: (e: AnyEventEnvelope) => boolean) {
  const seen = world.events.length;
  return world.waitForEvent((e) => world.events.indexOf(e) >= seen && match(e), LIMIT);
}

const rpc = (op: string, json: unknown) => world.app.request(`/rpc/${op}`, { method: 'POST', json });

describe('blocking', () => {
  it(
    'a block made here is announced with its actor and reaches the second device',
    async () => {
      const announced = nextEvent((e) => e.type === 'contact.blocked');
      const response = await rpc('blocklist.set', {
        session: 'shop',
        jid: world.customer.jid,
        blocked: true,
      });
      expect(response.status).toBe(200);
      const event = await announced;
      expect(event.data).toMatchObject({ jid: world.customer.jid, chat: world.customer.jid });
      expect(event.actor.name).not.toBe('Phone');
      await secondDevice.waitFor(
        () => blocklistUpdates.find((u) => u.type === 'add' && u.blocklist.includes(world.customer.jid)),
        LIMIT,
        'the block on the second device',
      );
    },
    LIMIT,
  );

  it(
    'an unblock made on the phone arrives here as contact.unblocked by the phone',
    async () => {
      const arrived = nextEvent((e) => e.type === 'contact.unblocked' && e.data.jid === world.customer.jid);
      world.emulator.phoneSetBlocked(world.shopPhone, world.customer.phone, false);
      expect((await arrived).actor.name).toBe('Phone');
      const list = await world.app.request('/api/v1/sessions/shop/blocklist');
      expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);
    },
    LIMIT,
  );
});

describe('privacy settings', () => {
  it(
    'a change is announced as session.privacy_updated with all settings as they are now',
    async () => {
      const announced = nextEvent((e) => e.type === 'session.privacy_updated');
      const response = await rpc('privacy.update', { session: 'shop', lastSeen: 'none' });
      expect(response.status).toBe(200);
      const event = await announced;
      expect(event.data).toMatchObject({ lastSeen: 'none', readReceipts: 'all' });
      expect(event.actor.type).not.toBe('system');
    },
    LIMIT,
  );
});
