/**
 * Chat changes reach the phone (issue #19): archive, pin, mute and "mark as unread" done over
 * the API are sent as app-state patches; the number's phone (the local WhatsApp server decodes
 * them as the phone would) and a second linked device of the number show them, and a change made
 * on the phone still arrives here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../../testkit/wa-emulator/customer.js';
import {
  linkedWorld,
  linkSecondDevice,
  onShopPhone,
  type LinkedWorld,
} from '../../../testkit/support/linked-session.js';
import type { Chat } from '../../../src-shared/messages.js';

let world: LinkedWorld;
let secondDevice: Customer;
let chatPath: string;
const LIMIT = 90_000;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972501110191', customerPhone: '972502220191' });
  const sent = await world.customer.sendText(world.shopJid, 'Is the shop open today?');
  await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.key.id, LIMIT);
  chatPath = `/api/v1/sessions/shop/chats/${encodeURIComponent(world.customer.jid)}`;
  secondDevice = await linkSecondDevice(world, LIMIT);
}, LIMIT);

afterAll(async () => {
  await secondDevice?.close();
  await world?.close();
});

async function change(json: unknown): Promise<Chat> {
  const response = await world.app.request(chatPath, { method: 'PATCH', json });
  expect(response.status).toBe(200);
  return (await response.json()) as Chat;
}

/** What the shop's phone shows for the customer's chat under `action` (archive, pin_v1, mute, …). */
async function onPhone(action: string) {
  return (await onShopPhone(world, action, world.customer.jid))[0]?.value;
}

function onSecondDevice(field: string, seen: number) {
  return secondDevice.waitFor(
    () => secondDevice.chatUpdates.slice(seen).find((u) => u.id === world.customer.jid && field in u),
    LIMIT,
    `${field} on the second device`,
  );
}

describe('chat changes made in Chatdock reach the phone', () => {
  it(
    'archive: the phone and the second device archive the chat',
    async () => {
      const seen = secondDevice.chatUpdates.length;
      expect(await change({ archived: true })).toMatchObject({ archived: true });
      expect((await onPhone('archive'))?.archiveChatAction?.archived).toBe(true);
      expect((await onSecondDevice('archived', seen)).archived).toBe(true);
    },
    LIMIT,
  );

  it(
    'pin and mute',
    async () => {
      const seen = secondDevice.chatUpdates.length;
      const until = Date.now() + 8 * 3_600_000;
      await change({ pinned: true, mutedUntil: new Date(until).toISOString() });
      expect((await onPhone('pin_v1'))?.pinAction?.pinned).toBe(true);
      const mute = (await onPhone('mute'))?.muteAction;
      expect(mute?.muted).toBe(true);
      expect(Number(mute?.muteEndTimestamp)).toBe(Math.floor(until / 1000));
      expect((await onSecondDevice('pinned', seen)).pinned).toBeTruthy();
    },
    LIMIT,
  );

  it(
    'mark as unread, then read again',
    async () => {
      expect(await change({ unread: true })).toMatchObject({ unreadCount: 1 });
      expect((await onPhone('markChatAsRead'))?.markChatAsReadAction?.read).toBe(false);
      const read = await world.app.request(`${chatPath}/read`, { method: 'POST' });
      expect(read.status).toBe(200);
      expect((await onPhone('markChatAsRead'))?.markChatAsReadAction?.read).toBe(true);
    },
    LIMIT,
  );

  it(
    'a change made on the phone still arrives here',
    async () => {
      const before = (await (await world.app.request(chatPath)).json()) as Chat;
      const archive = !before.archived;
      const seen = world.events.length;
      const arrived = world.waitForEvent(
        (e) =>
          world.events.indexOf(e) >= seen &&
          e.type === 'chat.updated' &&
          e.data.jid === world.customer.jid &&
          e.data.archived === archive,
        LIMIT,
      );
      const lastMessages = [
        { key: { remoteJid: world.customer.jid, id: 'X1' }, messageTimestamp: Math.floor(Date.now() / 1000) },
      ];
      await world.emulator.phoneChatModify(world.shopPhone, { archive, lastMessages }, world.customer.jid);
      await arrived;
      const stored = (await (await world.app.request(chatPath)).json()) as Chat;
      expect(stored.archived).toBe(archive);
    },
    LIMIT,
  );
});
