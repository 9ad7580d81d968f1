/**
 * A deleted number's presence state goes with it: a number created again under the same id must
 * not subscribe, on its first connect, to the old number's customers, nor show their presence.
 * (The WhatsApp side is the service's own port here; contact-presence.test.ts covers it with
 * real Baileys.)
 */
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../core/event-bus.js';
import { openDatabase } from '../../db/connection.js';
import { EventRecorder } from '../events/event-recorder.js';
import { ContactPresenceService } from './contact-presence.js';

const silent = { error() {}, warn() {}, info() {}, debug() {} } as never;
const CUSTOMER = '972500000001@s.whatsapp.net';
const OTHER = '972500000002@s.whatsapp.net';

describe('contact presence of a deleted number', () => {
  it('forgets the chats it watched and what it knew, and only its own', async () => {
    const subscribed: string[] = [];
    const presence = new ContactPresenceService(
      { subscribePresence: async (session, jid) => void subscribed.push(`${session} ${jid}`) },
      new EventRecorder(openDatabase(':memory:'), new EventBus(silent)),
    );
    await presence.watch('shop', CUSTOMER);
    await presence.watch('other', OTHER);
    presence.apply('shop', { chat: CUSTOMER, jid: CUSTOMER, presence: 'available', lastSeen: null });
    presence.apply('other', { chat: OTHER, jid: OTHER, presence: 'available', lastSeen: null });

    presence.forget('shop');
    subscribed.length = 0;
    presence.renew('shop');
    presence.renew('other');
    expect(subscribed).toEqual([`other ${OTHER}`]);
    expect(await presence.watch('shop', CUSTOMER)).toEqual({
      chat: CUSTOMER,
      state: 'unknown',
      lastSeen: null,
    });
    expect((await presence.watch('other', OTHER)).state).toBe('online');
  });
});
