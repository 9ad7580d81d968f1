/**
 * Disappearing messages with real Baileys on both sides: set from Chatdock (the customer's
 * phone gets WhatsApp's protocol message), changed by the customer (Chatdock follows).
 */
import { normalizeMessageContent, proto, type WAMessage } from '@whiskeysockets/baileys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import type { Chat } from '../../../src-shared/messages.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';

let world: LinkedWorld;
let chatPath: string;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972505551938', customerPhone: '972506661938' });
  const hello = await world.customer.sendText(world.shopJid, 'Hi, is the shop open?');
  await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === hello.key.id, 60_000);
  chatPath = `/api/v1/sessions/shop/chats/${world.customer.jid}`;
}, 90_000);

afterAll(async () => {
  await world?.close();
});

const setTimer = (seconds: unknown) =>
  world.app.request(`${chatPath}/disappearing`, { method: 'PUT', json: { seconds } });

const timerChange = (seconds: number) => (e: AnyEventEnvelope) =>
  e.type === 'chat.ephemeral_changed' && e.data.seconds === seconds;

const isTimerMessage = (seconds: number) => (m: WAMessage) => {
  const protocol = normalizeMessageContent(m.message)?.protocolMessage;
  return (
    protocol?.type === proto.Message.ProtocolMessage.Type.EPHEMERAL_SETTING &&
    (protocol.ephemeralExpiration ?? 0) === seconds
  );
};

describe('disappearing messages', () => {
  it('turns the timer on from Chatdock, and the customer’s phone gets it', async () => {
    const response = await setTimer(604_800);
    expect(response.status).toBe(200);
    expect(((await response.json()) as Chat).ephemeralSeconds).toBe(604_800);
    const event = await world.waitForEvent(timerChange(604_800));
    expect(event.data).toEqual({ chat: world.customer.jid, seconds: 604_800, previous: 0 });
    expect(event.actor.type).not.toBe('system');
    await world.customer.waitForMessage(isTimerMessage(604_800), 60_000);
    // Baileys' echo of our own change is no second announcement.
    expect(world.events.filter(timerChange(604_800))).toHaveLength(1);
  }, 90_000);

  it('follows the customer changing the timer on their phone', async () => {
    await world.customer.send(world.shopJid, { disappearingMessagesInChat: 86_400 });
    const event = await world.waitForEvent(timerChange(86_400), 60_000);
    expect(event.data).toEqual({ chat: world.customer.jid, seconds: 86_400, previous: 604_800 });
    expect(event.actor).toEqual({ type: 'system', id: null, name: 'WhatsApp' });
    const chat = (await (await world.app.request(chatPath)).json()) as Chat;
    expect(chat.ephemeralSeconds).toBe(86_400);
  }, 90_000);

  it('turns it off, and refuses a timer WhatsApp does not offer, naming the field', async () => {
    expect(((await (await setTimer(0)).json()) as Chat).ephemeralSeconds).toBe(0);
    await world.customer.waitForMessage(isTimerMessage(0), 60_000);
    const bad = await setTimer(3600);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field?: string } }).error.field).toBe('seconds');
    const chat = (await (await world.app.request(chatPath)).json()) as Chat;
    expect(chat.ephemeralSeconds).toBe(0);
  }, 90_000);
});
