import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chat } from '../../../src-shared/messages.js';
import { nextEvent } from '../../../testkit/support/events.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { startTestCore } from '../../../testkit/support/test-core.js';
import type { MessageRecord } from '../../wa/message-mapping.js';
import { MessagingSink } from '../messaging/wa-event-sink.js';

/**
 * Issue #18 point 4: a new customer's first chat showed a bare number until a reload, although
 * the profile name was stored. The chat's live updates must carry the name as soon as it is known.
 */
describe('names in live chat updates', () => {
  let world: LinkedWorld;
  beforeAll(async () => {
    world = await linkedWorld({ shopPhone: '972503331200', customerPhone: '972504441200' });
  }, 60_000);
  afterAll(async () => {
    await world?.close();
  });

  it("a new customer's chat is announced with their profile name (real WhatsApp flow)", async () => {
    const maya = await world.newCustomer('972504441201', 'Maya Levi');
    await maya.sendText(world.shopJid, 'Hi, is the shop open?');
    await world.waitForEvent(
      (e) =>
        e.type === 'chat.updated' &&
        e.data.jid === maya.jid &&
        e.data.name === 'Maya Levi' &&
        e.data.lastMessage?.preview === 'Hi, is the shop open?',
    );
    const stored = await world.app.request(`/api/v1/sessions/shop/chats/${maya.jid}`);
    expect(((await stored.json()) as Chat).name).toBe('Maya Levi');
  });
});

describe('a name told after the first message', () => {
  it('announces the chat again with the name', async () => {
    const app = await startTestCore();
    try {
      await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop', name: 'Shop' } });
      const { messaging, events } = app.core.services;
      const jid = '972504441202@s.whatsapp.net';
      const first: MessageRecord = {
        chatJid: jid,
        id: 'FIRST',
        fromMe: false,
        senderJid: jid,
        senderName: null,
        type: 'text',
        text: 'Hello?',
        media: null,
        content: null,
        quotedId: null,
        mentions: [],
        status: 'delivered',
        timestamp: Date.now(),
        forwarded: false,
        raw: Buffer.from('x'),
      };
      messaging.store.ingest('shop', [first], 'live');
      expect(messaging.store.chat('shop', jid)?.name).toBeNull();

      const sink = new MessagingSink({ ...messaging, events, logger: app.core.logger });
      const announced = nextEvent(
        app.core.bus,
        (e) => e.type === 'chat.updated' && e.data.jid === jid && e.data.name === 'Noa',
      );
      sink.contacts('shop', [
        { jid, lid: null, phone: '972504441202', name: null, notify: 'Noa', verifiedName: null },
      ]);
      expect(((await announced).data as Chat).unreadCount).toBe(1);
    } finally {
      await app.stop();
    }
  });
});
