/**
 * A customer's presence in the chat header (issue #19), with real Baileys on both sides through
 * the local WhatsApp server: opening a chat subscribes (`POST …/presence-subscription`), and the
 * customer coming online, typing, recording and leaving arrive as `contact.presence`, also when
 * WhatsApp reports them by LID, and the subscription is renewed after the number reconnects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionReaches } from '../../../testkit/support/events.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import type { AnyEventEnvelope, EventEnvelope } from '../../../src-shared/contract/events.js';

let world: LinkedWorld;
const LIMIT = 90_000;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972501110319', customerPhone: '972502220319' });
  const sent = await world.customer.sendText(world.shopJid, 'Are you open today?');
  await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.key.id, LIMIT);
}, LIMIT);

afterAll(async () => {
  await world?.close();
});

/** The next `contact.presence` of the customer's chat in this state (events from now on only). */
function nextPresence(state: string): Promise<EventEnvelope<'contact.presence'>> {
  const seen = world.events.length;
  return world.waitForEvent(
    (e: AnyEventEnvelope) =>
      world.events.indexOf(e) >= seen &&
      e.type === 'contact.presence' &&
      e.data.chat === world.customer.jid &&
      e.data.state === state,
    LIMIT,
  ) as Promise<EventEnvelope<'contact.presence'>>;
}

const subscribe = (chat: string) =>
  world.app.request(`/api/v1/sessions/shop/chats/${encodeURIComponent(chat)}/presence-subscription`, {
    method: 'POST',
  });

describe('contact presence', () => {
  it(
    'opening the chat subscribes: online, typing, recording and last seen reach the inbox',
    async () => {
      // Online before anyone asked: WhatsApp tells subscribers only.
      await world.customer.sock.sendPresenceUpdate('available');
      const online = nextPresence('online');
      const response = await subscribe(world.customer.phone);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ chat: world.customer.jid });
      expect((await online).actor).toMatchObject({ type: 'system' });

      const typing = nextPresence('typing');
      await world.customer.sock.sendPresenceUpdate('composing', world.shopJid);
      expect((await typing).data.lastSeen).toBeNull();

      const recording = nextPresence('recording');
      await world.customer.sock.sendPresenceUpdate('recording', world.shopJid);
      await recording;

      const offline = nextPresence('offline');
      await world.customer.sock.sendPresenceUpdate('unavailable');
      const lastSeen = (await offline).data.lastSeen;
      expect(lastSeen).not.toBeNull();
      expect(Math.abs(Date.parse(lastSeen ?? '') - Date.now())).toBeLessThan(10 * 60_000);

      // Asked again, the answer is what is known now.
      const again = await subscribe(world.customer.jid);
      expect(await again.json()).toMatchObject({ state: 'offline', lastSeen });
    },
    LIMIT,
  );

  it(
    'a customer who hides last seen shows offline without it',
    async () => {
      await world.customer.sock.updateLastSeenPrivacy('none');
      await world.customer.sock.sendPresenceUpdate('available');
      await nextPresence('online');
      const offline = nextPresence('offline');
      await world.customer.sock.sendPresenceUpdate('unavailable');
      expect((await offline).data.lastSeen).toBeNull();
    },
    LIMIT,
  );

  it(
    'matches presence WhatsApp reports by LID to the phone-number chat',
    async () => {
      world.emulator.setPresenceAddressing('lid');
      try {
        await world.customer.sock.updateLastSeenPrivacy('all');
        const online = nextPresence('online');
        await world.customer.sock.sendPresenceUpdate('available');
        expect((await online).data.chat).toBe(world.customer.jid);
        const byLid = world.emulator
          .messagesFor(world.shopPhone)
          .filter(({ direction, stanza }) => direction === 'out' && stanza.tag === 'presence')
          .at(-1);
        expect(byLid?.stanza.attrs.from).toMatch(/@lid$/);
        const offline = nextPresence('offline');
        await world.customer.sock.sendPresenceUpdate('unavailable');
        expect((await offline).data).toMatchObject({ chat: world.customer.jid });
      } finally {
        world.emulator.setPresenceAddressing('pn');
      }
    },
    LIMIT,
  );

  it(
    'renews the subscription after the number reconnects (WhatsApp forgets it with the connection)',
    async () => {
      const before = world.emulator.messagesFor(world.shopPhone).at(-1)?.seq ?? 0;
      const lost = sessionReaches(world.app.core.bus, 'shop', 'connecting');
      world.emulator.setOnline(world.shopPhone, false);
      await lost;
      const back = sessionReaches(world.app.core.bus, 'shop', 'connected', LIMIT);
      world.emulator.setOnline(world.shopPhone, true);
      await back;
      // Nobody opened the chat again: Chatdock subscribed by itself on reconnecting.
      await world.emulator.waitForStanza(
        world.shopPhone,
        ({ seq, direction, stanza }) =>
          seq > before &&
          direction === 'in' &&
          stanza.tag === 'presence' &&
          stanza.attrs.type === 'subscribe',
        LIMIT,
      );
      const online = nextPresence('online');
      await world.customer.sock.sendPresenceUpdate('available');
      expect((await online).data.chat).toBe(world.customer.jid);
    },
    LIMIT,
  );

  it('refuses a group chat, naming the field', async () => {
    const response = await subscribe('120363000000000001@g.us');
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('chat');
  });
});
