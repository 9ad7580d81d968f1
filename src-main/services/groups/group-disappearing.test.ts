/**
 * A group's disappearing messages (issue #19), through real Baileys on both sides and the local
 * WhatsApp server: set from Chatdock (the members' phones follow), changed by another admin on
 * their phone (Chatdock follows, as `chat.ephemeral_changed` from WhatsApp), and refused to a
 * plain member once only admins may edit the group's info, naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import type { Chat } from '../../../src-shared/messages.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';

const LIVE = 90_000;
let world: LinkedWorld;
let groupJid: string;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972504830000', customerPhone: '972504831111' });
  world.emulator.setNewGroupAddressing('lid');
  try {
    groupJid = (await world.customer.groupCreate('Book club', [world.shopJid])).id;
  } finally {
    world.emulator.setNewGroupAddressing('pn');
  }
  await world.waitForEvent((e) => e.type === 'group.updated' && e.data.jid === groupJid, LIVE);
}, LIVE);

afterAll(async () => {
  await world?.close();
});

const chatPath = () => `/api/v1/sessions/shop/chats/${groupJid}`;
const setTimer = (seconds: number) =>
  world.app.request(`${chatPath()}/disappearing`, { method: 'PUT', json: { seconds } });
const timerChange = (seconds: number) => (e: AnyEventEnvelope) =>
  e.type === 'chat.ephemeral_changed' && e.data.chat === groupJid && e.data.seconds === seconds;
const emulatorGroup = () => world.emulator.groups().find((g) => g.jid === groupJid);
/** The customer's phone learns of a change from WhatsApp's group notification (`chats.update`). */
const phoneSees = (seconds: number) =>
  world.customer.waitFor(
    () =>
      world.customer.chatUpdates.find(
        (update) => update.id === groupJid && (update.ephemeralExpiration ?? 0) === seconds,
      ),
    LIVE,
    `the group's timer at ${seconds} on the phone`,
  );

describe('group disappearing messages', () => {
  it(
    'turns the timer on from Chatdock; WhatsApp and the admin’s phone follow',
    async () => {
      const response = await setTimer(604_800);
      expect(response.status).toBe(200);
      expect(((await response.json()) as Chat).ephemeralSeconds).toBe(604_800);
      const event = await world.waitForEvent(timerChange(604_800), LIVE);
      expect(event.data).toEqual({ chat: groupJid, seconds: 604_800, previous: 0 });
      expect(event.actor.type).not.toBe('system');
      expect(emulatorGroup()?.ephemeral).toBe(604_800);
      await phoneSees(604_800);
      // WhatsApp's notification of our own change is no second announcement.
      expect(world.events.filter(timerChange(604_800))).toHaveLength(1);
    },
    LIVE,
  );

  it(
    'follows another admin changing the timer on their phone',
    async () => {
      await world.customer.sock.groupToggleEphemeral(groupJid, 86_400);
      const event = await world.waitForEvent(timerChange(86_400), LIVE);
      expect(event.data).toEqual({ chat: groupJid, seconds: 86_400, previous: 604_800 });
      expect(event.actor).toEqual({ type: 'system', id: null, name: 'WhatsApp' });
      const chat = (await (await world.app.request(chatPath())).json()) as Chat;
      expect(chat.ephemeralSeconds).toBe(86_400);
    },
    LIVE,
  );

  it(
    'refuses a plain member once only admins edit the group’s info, and allows them as admin',
    async () => {
      await world.customer.sock.groupSettingUpdate(groupJid, 'locked');
      await world.waitForEvent(
        (e) => e.type === 'group.updated' && e.data.jid === groupJid && e.data.restrict === true,
        LIVE,
      );
      const refused = await setTimer(0);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { field?: string } }).error.field).toBe('chat');
      expect(emulatorGroup()?.ephemeral).toBe(86_400);
      const chat = (await (await world.app.request(chatPath())).json()) as Chat;
      expect(chat.ephemeralSeconds).toBe(86_400);

      const earlier = new Set(world.events);
      await world.customer.sock.groupParticipantsUpdate(groupJid, [world.shopJid], 'promote');
      // The promote notification is applied to the stored group (our role with it).
      await world.waitForEvent(
        (e) => !earlier.has(e) && e.type === 'group.updated' && e.data.jid === groupJid,
        LIVE,
      );
      const allowed = await setTimer(0);
      expect(allowed.status).toBe(200);
      expect(emulatorGroup()?.ephemeral).toBe(0);
      await phoneSees(0);
    },
    LIVE,
  );
});
