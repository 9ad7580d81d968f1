/**
 * A customer who writes is a known contact by the time their message is announced: a webhook
 * receiver that looks the sender up at once finds them with the profile name they chose. Baileys
 * reports that name only after the message's receipt, which waits for the disk
 * (db/durable-commits.ts); the receive path takes it from the message itself. Real Baileys
 * against the local WhatsApp server; the disk is held back so the receipt cannot come first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { withDiskHeld } from '../../../testkit/support/disk-held.js';

let world: LinkedWorld;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972501110070', customerPhone: '972502220070' });
}, 60_000);

afterAll(async () => {
  await world?.close();
});

type ContactProfile = { jid: string; notify: string | null; name: string | null };

const receiptsFromShop = (id: string) =>
  world.emulator
    .messagesFor(world.shopPhone)
    .filter((e) => e.direction === 'in' && e.stanza.tag === 'receipt' && e.stanza.attrs.id === id);

describe('the sender of a received message', () => {
  it('is known by the profile name of the message, when it is announced and before its receipt', async () => {
    const yael = await world.newCustomer('972502220071', 'Yael');
    const hello = await yael.sendText(world.shopJid, 'Hello');
    await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === hello.key.id);
    await expect
      .poll(() => world.app.core.services.messaging.contacts.get('shop', yael.jid)?.notify)
      .toBe('Yael');
    // She renames herself on her phone; WhatsApp sends the new name with her next message.
    world.emulator.createAccount(yael.phone, 'Yael Cohen'); // the server now knows her new name

    await withDiskHeld(world.app, async () => {
      const sent = await yael.sendText(world.shopJid, 'Is the cake ready?');
      await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.key.id);
      expect(receiptsFromShop(sent.key.id!)).toEqual([]);

      const response = await world.app.request(`/api/v1/sessions/shop/contacts/${yael.jid}`);
      expect(response.status).toBe(200);
      expect((await response.json()) as ContactProfile).toMatchObject({
        jid: yael.jid,
        notify: 'Yael Cohen',
      });
      const renamed = world.events.filter(
        (e) => e.type === 'contact.updated' && e.data.jid === yael.jid && e.data.notify === 'Yael Cohen',
      );
      expect(renamed).toHaveLength(1);
    });
  });

  it('in a group is a contact too, and the name told again later announces nothing new', async () => {
    const omer = await world.newCustomer('972502220072', 'Omer Levi');
    const group = await omer.groupCreate('Catering', [world.shopJid]);
    const sent = await omer.sendText(group.id, 'Menu for Friday?');
    await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.key.id);
    const contact = (await (
      await world.app.request(`/api/v1/sessions/shop/contacts/${omer.jid}`)
    ).json()) as ContactProfile;
    expect(contact).toMatchObject({ jid: omer.jid, notify: 'Omer Levi' });
    // Baileys reports the same name after the receipt: stored once, announced once.
    await expect.poll(() => receiptsFromShop(sent.key.id!).length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const updates = world.events.filter((e) => e.type === 'contact.updated' && e.data.jid === omer.jid);
    expect(updates).toHaveLength(1);
  });
});
