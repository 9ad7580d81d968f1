/**
 * Star, clear chat and delete chat reach the phone (issue #19): done over the API they are sent
 * as app-state patches that the number's phone (the local WhatsApp server decodes them as the
 * phone would) and a second linked device of the number apply; the same done on the phone arrive
 * here, stored and announced with the phone as the actor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../../testkit/wa-emulator/customer.js';
import {
  linkedWorld,
  linkSecondDevice,
  onShopPhone,
  type LinkedWorld,
} from '../../../testkit/support/linked-session.js';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import type { Chat, Message } from '../../../src-shared/messages.js';

let world: LinkedWorld;
let secondDevice: Customer;
const LIMIT = 90_000;
const chatPath = (jid: string) => `/api/v1/sessions/shop/chats/${encodeURIComponent(jid)}`;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972501110193', customerPhone: '972502220193' });
  secondDevice = await linkSecondDevice(world, LIMIT);
}, LIMIT);

afterAll(async () => {
  await secondDevice?.close();
  await world?.close();
});

async function received(customer: Customer, text: string): Promise<string> {
  const sent = await customer.sendText(world.shopJid, text);
  await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.key.id, LIMIT);
  return sent.key.id!;
}

/** The next event after now that `match`es. */
function nextEvent(match: (e: AnyEventEnvelope) => boolean) {
  const seen = world.events.length;
  return world.waitForEvent((e) => world.events.indexOf(e) >= seen && match(e), LIMIT);
}

/** What the shop's phone shows under `action` for this chat (star, clearChat, deleteChat). */
const onPhone = (action: string, jid: string) => onShopPhone(world, action, jid);

describe('starred messages', () => {
  it(
    'starring here shows on the phone and the second device, and lists under Starred',
    async () => {
      const id = await received(world.customer, 'Table for four at eight, please');
      const announced = nextEvent((e) => e.type === 'message.updated' && e.data.id === id);
      const response = await world.app.request(`${chatPath(world.customer.jid)}/messages/${id}/star`, {
        method: 'PUT',
        json: { starred: true },
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as Message).starred).toBe(true);
      const event = await announced;
      expect(event.actor.type).not.toBe('system');

      const star = (await onPhone('star', world.customer.jid)).find((entry) => entry.index[2] === id);
      expect(star?.value?.starAction?.starred).toBe(true);
      await secondDevice.waitFor(
        () => secondDevice.updates.find((u) => u.key.id === id && u.update.starred === true),
        LIMIT,
        'the star on the second device',
      );
      const list = await world.app.request(`${chatPath(world.customer.jid)}/starred`);
      expect(((await list.json()) as { items: Message[] }).items.map((m) => m.id)).toEqual([id]);
      // Across chats: of this number, and of every number.
      for (const path of ['/api/v1/starred?session=shop', '/api/v1/starred']) {
        const across = await world.app.request(path);
        expect(((await across.json()) as { items: Message[] }).items.map((m) => m.id)).toEqual([id]);
      }
      const other = await world.app.request('/api/v1/starred?session=nosuch');
      expect(other.status).toBe(404);
    },
    LIMIT,
  );

  it(
    'a star removed on the phone arrives here',
    async () => {
      const list = await world.app.request(`${chatPath(world.customer.jid)}/starred`);
      const [starred] = ((await list.json()) as { items: Message[] }).items;
      expect(starred).toBeDefined();
      const arrived = nextEvent(
        (e) => e.type === 'message.updated' && e.data.id === starred!.id && e.data.starred === false,
      );
      await world.emulator.phoneChatModify(
        world.shopPhone,
        { star: { messages: [{ id: starred!.id, fromMe: false }], star: false } },
        world.customer.jid,
      );
      expect((await arrived).actor.name).toBe('Phone');
      const after = await world.app.request(`${chatPath(world.customer.jid)}/starred`);
      expect(((await after.json()) as { items: Message[] }).items).toEqual([]);
    },
    LIMIT,
  );

  it('starring a message that is not there is a 404 naming the id', async () => {
    const response = await world.app.request(`${chatPath(world.customer.jid)}/messages/NOPE/star`, {
      method: 'PUT',
      json: { starred: true },
    });
    expect(response.status).toBe(404);
    expect(JSON.stringify(await response.json())).toContain('id');
  });
});

describe('clear and delete a chat', () => {
  it(
    'clearing removes the messages here and on the phone; the chat stays',
    async () => {
      await received(world.customer, 'Do you deliver to Jaffa?');
      const cleared = nextEvent((e) => e.type === 'chat.cleared' && e.data.chat === world.customer.jid);
      const response = await world.app.request(`${chatPath(world.customer.jid)}/clear`, { method: 'POST' });
      expect(response.status).toBe(200);
      expect(((await response.json()) as Chat).lastMessage).toBeNull();
      expect(((await cleared).data as { messages: number }).messages).toBeGreaterThanOrEqual(2);
      expect(await onPhone('clearChat', world.customer.jid)).toHaveLength(1);
      const page = await world.app.request(`${chatPath(world.customer.jid)}/messages`);
      expect(((await page.json()) as { items: Message[] }).items).toEqual([]);
    },
    LIMIT,
  );

  it(
    'deleting removes the chat here, on the phone and on the second device',
    async () => {
      await received(world.customer, 'Thanks, bye');
      const deleted = nextEvent((e) => e.type === 'chat.deleted' && e.data.chat === world.customer.jid);
      const response = await world.app.request(chatPath(world.customer.jid), { method: 'DELETE' });
      expect(response.status).toBe(204);
      expect((await deleted).actor.name).not.toBe('Phone');
      expect((await world.app.request(chatPath(world.customer.jid))).status).toBe(404);
      expect(await onPhone('deleteChat', world.customer.jid)).toHaveLength(1);
      await secondDevice.waitFor(
        () => secondDevice.chatDeletes.includes(world.customer.jid),
        LIMIT,
        'the deletion on the second device',
      );
    },
    LIMIT,
  );

  it(
    'a chat deleted on the phone is deleted here',
    async () => {
      const other = await world.newCustomer('972502230193', 'Noa');
      const id = await received(other, 'Is the kitchen open?');
      const deleted = nextEvent((e) => e.type === 'chat.deleted' && e.data.chat === other.jid);
      await world.emulator.phoneChatModify(
        world.shopPhone,
        {
          delete: true,
          lastMessages: [
            { key: { remoteJid: other.jid, id }, messageTimestamp: Math.floor(Date.now() / 1000) },
          ],
        },
        other.jid,
      );
      expect((await deleted).actor.name).toBe('Phone');
      expect((await world.app.request(chatPath(other.jid))).status).toBe(404);
    },
    LIMIT,
  );

  it('clearing a chat needs the manage permission and an existing chat', async () => {
    const response = await world.app.request(`${chatPath('972509999999@s.whatsapp.net')}/clear`, {
      method: 'POST',
    });
    expect(response.status).toBe(404);
  });
});
