import { describe, expect, it } from 'vitest';
import { chatOf, orderKey } from './order-key.js';

describe('order keys', () => {
  it('puts every event of one chat on the same key, per webhook', () => {
    const chat = '972501234567@s.whatsapp.net';
    const keys = [
      orderKey('wh_a', { type: 'message.received', session: 'shop', data: { chat, id: 'M1' } as never }),
      orderKey('wh_a', {
        type: 'message.ack',
        session: 'shop',
        data: { chat, id: 'M1', status: 'read' } as never,
      }),
      orderKey('wh_a', { type: 'chat.updated', session: 'shop', data: { jid: chat } as never }),
      orderKey('wh_a', { type: 'call.received', session: 'shop', data: { id: 'C1', from: chat } as never }),
    ];
    expect(new Set(keys)).toEqual(new Set([`wh_a|shop|${chat}`]));
    expect(orderKey('wh_b', { type: 'message.received', session: 'shop', data: { chat } as never })).not.toBe(
      keys[0],
    );
  });

  it('keeps chat-less events on one key per session, and app-wide events on their own', () => {
    expect(
      orderKey('wh_a', { type: 'session.status', session: 'shop', data: { session: {} } as never }),
    ).toBe('wh_a|shop|');
    expect(orderKey('wh_a', { type: 'settings.updated', session: null, data: { lanAccess: true } })).toBe(
      'wh_a||',
    );
    expect(chatOf({ type: 'history.synced', data: { messages: 1, chats: 1, contacts: 1 } })).toBeNull();
  });
});
