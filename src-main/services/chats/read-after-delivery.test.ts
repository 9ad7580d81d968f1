/**
 * A read receipt never overtakes the delivery receipt of the same message. A received message is
 * announced once stored, but its delivery receipt waits for the disk (durable receive,
 * db/durable-commits.ts); a script that marks it read on `message.received` used to send "read"
 * first, and a sender that folds both updates into one (Baileys does, event-buffer.ts) kept
 * "delivered": no blue ticks. Real Baileys against the local WhatsApp server, the disk held back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { holdDisk } from '../../../testkit/support/disk-held.js';

const READ = 4;
let world: LinkedWorld;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972501110090', customerPhone: '972502220090' });
  // A first message sets up the customer's session with the shop (its key writes go to the disk
  // at once), so the one under test only waits for the disk before its receipt.
  const hello = await world.customer.sendText(world.shopJid, 'Hello');
  await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === hello.key.id);
}, 60_000);

afterAll(async () => {
  await world?.close();
});

/** The receipts the shop sent for one message (no type, or `inactive`, is a delivery receipt). */
const receiptTypes = (id: string) =>
  world.emulator
    .messagesFor(world.shopPhone)
    .filter((e) => e.direction === 'in' && e.stanza.tag === 'receipt' && e.stanza.attrs.id === id)
    .map((e) => {
      const type = e.stanza.attrs.type;
      return type === undefined || type === 'inactive' ? 'delivered' : type;
    });

describe('marking a message read as soon as it is announced', () => {
  it('sends the read receipt after the delivery receipt, and the customer sees blue ticks', async () => {
    const disk = holdDisk(world.app);
    let reading: Promise<Response> | undefined;
    try {
      const sent = await world.customer.sendText(world.shopJid, 'Is the bakery open?');
      await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.key.id);
      reading = world.app.request(`/api/v1/sessions/shop/chats/${world.customer.jid}/read`, {
        method: 'POST',
        json: { messageIds: [sent.key.id] },
      });
      // While the message is not on the disk, no receipt at all leaves for it.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(receiptTypes(sent.key.id!)).toEqual([]);
      disk.release();
      expect((await reading).status).toBe(200);
      expect(receiptTypes(sent.key.id!)).toEqual(['delivered', 'read']);
      await world.customer.waitForStatus(sent.key.id!, READ);
    } finally {
      disk.release();
      await reading?.catch(() => undefined);
    }
  });
});
