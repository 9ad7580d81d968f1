/**
 * A message the app cannot decrypt is not dropped: it is kept as "waiting" (shown, counted in
 * /health, never announced) until its content arrives, which then takes its place once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Message } from '../../../src-shared/messages.js';
import type { Health } from '../../../src-shared/model.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';

let world: LinkedWorld;

beforeAll(async () => {
  world = await linkedWorld();
}, 90_000);

afterAll(async () => {
  await world?.close();
});

const page = async () =>
  (
    (await (
      await world.app.request(`/api/v1/sessions/shop/chats/${world.customer.jid}/messages?limit=50`)
    ).json()) as { items: Message[] }
  ).items;
const health = async () => (await (await world.app.request('/api/v1/health')).json()) as Health;

it('keeps an undecryptable message as waiting, then replaces it with the content when it comes', async () => {
  const first = await world.customer.sendText(world.shopJid, 'hello');
  await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === first.key.id);

  // A ciphertext nobody can decrypt, from the customer to the shop's linked device.
  const shopDevice = world.emulator.accounts().find((a) => a.phone === world.shopPhone)?.devices[0];
  const id = 'WAITING0000000000001';
  await world.customer.sock.sendNode({
    tag: 'message',
    attrs: { to: shopDevice!.jid, id, type: 'text' },
    content: [{ tag: 'enc', attrs: { v: '2', type: 'msg' }, content: Buffer.alloc(64, 7) }],
  });
  await expect.poll(async () => (await page()).find((m) => m.id === id)?.type).toBe('waiting');
  const waiting = (await page()).find((m) => m.id === id)!;
  expect(waiting).toMatchObject({ fromMe: false, text: null, chat: world.customer.jid });
  expect((await health()).waitingMessages).toBe(1);
  // The app asked the customer to send it again.
  const retries = world.emulator
    .messagesFor(world.shopPhone)
    .filter((e) => e.direction === 'in' && e.stanza.tag === 'receipt' && e.stanza.attrs.type === 'retry');
  expect(retries.map((e) => e.stanza.attrs.id)).toContain(id);
  expect(world.events.some((e) => e.type === 'message.received' && e.data.id === id)).toBe(false);
  const chat = (await (
    await world.app.request(`/api/v1/sessions/shop/chats/${world.customer.jid}`)
  ).json()) as {
    unreadCount: number;
  };
  expect(chat.unreadCount).toBe(1);

  // The content arrives (as a resend would bring it): same id, now readable.
  await world.customer.sock.sendMessage(world.shopJid, { text: 'here it is' }, { messageId: id });
  await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === id);
  const rows = (await page()).filter((m) => m.id === id);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ type: 'text', text: 'here it is' });
  expect((await health()).waitingMessages).toBe(0);
  expect(world.events.filter((e) => e.type === 'message.received' && e.data.id === id)).toHaveLength(1);
});
