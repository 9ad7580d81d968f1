/**
 * LID-addressed groups (issue #19), through real Baileys on both sides and the local WhatsApp
 * server: messages in a group that names its members by LID are stored with the sender resolved to
 * the phone number (and the sender's name), including a member who never wrote to the shop, and
 * the shop's replies reach every member.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../src-shared/messages.js';
import type { Customer } from '../../../testkit/wa-emulator/customer.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';

const LIVE = 90_000;
let world: LinkedWorld;
let avi: Customer;
let groupJid: string;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972504820000', customerPhone: '972504821111' });
  avi = await world.newCustomer('972504822222', 'Avi');
  world.emulator.setNewGroupAddressing('lid');
  try {
    const group = await world.customer.groupCreate('Regulars (LID)', [world.shopJid, avi.jid]);
    groupJid = group.id;
  } finally {
    world.emulator.setNewGroupAddressing('pn');
  }
  await world.waitForEvent((e) => e.type === 'group.updated' && e.data.jid === groupJid, LIVE);
}, LIVE);

afterAll(async () => {
  await world?.close();
});

const received = (text: string) => async () => {
  const event = await world.waitForEvent(
    (e) => e.type === 'message.received' && (e.data as Message).text === text,
    LIVE,
  );
  return event.data as Message;
};

describe('LID-addressed groups', () => {
  it(
    'stores a member’s message with the phone-number sender and name, not the LID',
    async () => {
      expect(world.emulator.groups().find((g) => g.jid === groupJid)?.addressing).toBe('lid');
      await world.customer.sendText(groupJid, 'Anyone for coffee?');
      const message = await received('Anyone for coffee?')();
      expect(message).toMatchObject({ chat: groupJid, sender: world.customer.jid, fromMe: false });
      expect(message.senderName).toBe('Dana');
      // WhatsApp named the sender by LID (the phone number only beside it).
      const relayed = world.emulator
        .messagesFor(world.shopPhone)
        .find(({ direction, stanza }) => direction === 'out' && stanza.attrs.id === message.id);
      expect(relayed?.stanza.attrs).toMatchObject({
        addressing_mode: 'lid',
        participant_pn: world.customer.jid,
      });
      expect(relayed?.stanza.attrs.participant).toMatch(/@lid$/);
    },
    LIVE,
  );

  it(
    'resolves a member who never wrote to the shop from the group’s LIDs',
    async () => {
      await avi.sendText(groupJid, 'Me! Two flat whites');
      const message = await received('Me! Two flat whites')();
      expect(message).toMatchObject({ chat: groupJid, sender: avi.jid });
      expect(message.senderName).toBe('Avi');
    },
    LIVE,
  );

  it(
    'sends the shop’s reply to every member',
    async () => {
      const response = await world.app.request('/api/v1/sessions/shop/messages', {
        method: 'POST',
        json: { to: groupJid, type: 'text', text: 'Ready in five minutes' },
      });
      // 202: accepted into the outbox, sent in the background.
      expect(response.status).toBe(202);
      const [onDana, onAvi] = await Promise.all([
        world.customer.waitForText('Ready in five minutes', LIVE),
        avi.waitForText('Ready in five minutes', LIVE),
      ]);
      expect(onDana.key.remoteJid).toBe(groupJid);
      expect(onAvi.key.remoteJid).toBe(groupJid);
    },
    LIVE,
  );
});
