/**
 * A 1:1 message from the chat stores no sender (message-sender.ts, issue #23 target 3): the API
 * must still answer every message's `sender` as before, whatever its kind of chat and direction
 * and whether its row was written before or after, on every read: one message, a chat's page,
 * search, the latest messages, the chat's last message, and the event of a later edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chat, Message } from '../../../src-shared/messages.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import { restCall } from '../../../testkit/support/rest-call.js';
import { senderColumn } from './message-sender.js';
import type { MessageRecord } from '../../wa/message-mapping.js';

const ME = '972500000000@s.whatsapp.net';
const CUSTOMER = '972504440001@s.whatsapp.net';
const EARLIER_CUSTOMER = '972504440002@s.whatsapp.net';
const GROUP = '120363000000042@g.us';
const MEMBER = '972504440003@s.whatsapp.net';

let app: TestCore;
const call = <T>(path: string) => restCall<T>(app, 'GET', path);

function record(
  id: string,
  chatJid: string,
  fromMe: boolean,
  senderJid: string | null,
  at: number,
): MessageRecord {
  return {
    chatJid,
    id,
    fromMe,
    senderJid,
    senderName: fromMe ? null : 'Dana',
    type: 'text',
    text: `kumquat ${id}`,
    media: null,
    content: null,
    quotedId: null,
    mentions: [],
    status: fromMe ? 'read' : 'delivered',
    timestamp: at,
    forwarded: false,
    raw: Buffer.from('x'),
  };
}

/** Each kind of message, with the sender the API answered for it before session 20. */
const CASES = [
  record('in-1to1', CUSTOMER, false, CUSTOMER, 1_000),
  record('out-1to1', CUSTOMER, true, ME, 2_000),
  record('in-group', GROUP, false, MEMBER, 3_000),
  record('out-group', GROUP, true, ME, 4_000),
  // A group message WhatsApp gave no participant for, and ours while the number was not known.
  record('in-group-none', GROUP, false, null, 5_000),
  record('out-unknown', CUSTOMER, true, null, 6_000),
  // Written before session 20: the 1:1 sender stored in full (set below).
  record('in-1to1-old', EARLIER_CUSTOMER, false, EARLIER_CUSTOMER, 7_000),
];
const expected = Object.fromEntries(CASES.map((r) => [r.id, r.senderJid]));
const sendersOf = (messages: Message[]) => Object.fromEntries(messages.map((m) => [m.id, m.sender]));

beforeAll(async () => {
  app = await startTestCore();
  await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop', name: 'Shop' } });
  const store = app.core.services.messaging.store;
  store.ingest('shop', CASES.slice(0, 3), 'live');
  store.ingest('shop', CASES.slice(3), 'history');
  app.core.db.$client.prepare(`UPDATE messages SET sender_jid = chat_jid WHERE id = 'in-1to1-old'`).run();
});

afterAll(async () => {
  await app?.stop();
});

describe('the sender of a message, stored or implied', () => {
  it('is stored only where the chat does not imply it', () => {
    const stored = app.core.db.$client
      .prepare(`SELECT id, sender_jid AS sender FROM messages ORDER BY id`)
      .all() as { id: string; sender: string | null }[];
    expect(Object.fromEntries(stored.map((row) => [row.id, row.sender]))).toEqual({
      ...expected,
      'in-1to1': null,
    });
  });

  it('reads as before through every REST read', async () => {
    for (const { id } of CASES) {
      const one = await call<Message>(`/sessions/shop/messages/${id}`);
      expect(one.status, id).toBe(200);
      expect(one.body.sender, id).toBe(expected[id]);
    }
    const pages = await Promise.all(
      [CUSTOMER, EARLIER_CUSTOMER, GROUP].map((chat) =>
        call<{ items: Message[] }>(`/sessions/shop/chats/${chat}/messages?limit=50`),
      ),
    );
    expect(Object.assign({}, ...pages.map((page) => sendersOf(page.body.items)))).toEqual(expected);
    const found = await call<{ items: Message[] }>(`/sessions/shop/messages?q=kumquat&limit=50`);
    expect(sendersOf(found.body.items)).toEqual(expected);
    const received = await call<{ items: Message[] }>(`/sessions/shop/messages?direction=received&limit=50`);
    const sent = await call<{ items: Message[] }>(`/sessions/shop/messages?direction=sent&limit=50`);
    expect({ ...sendersOf(received.body.items), ...sendersOf(sent.body.items) }).toEqual(expected);
  });

  it("keeps the chat's last sender, also when that message is edited afterwards", async () => {
    const store = app.core.services.messaging.store;
    const lastSender = async (chat: string) =>
      (await call<Chat>(`/sessions/shop/chats/${chat}`)).body.lastMessage?.sender;
    expect(await lastSender(EARLIER_CUSTOMER)).toBe(EARLIER_CUSTOMER);
    // The 1:1 chat's last message is ours: a new one from the customer becomes its last.
    const newest = record('in-1to1-last', CUSTOMER, false, CUSTOMER, 8_000);
    store.ingest('shop', [newest], 'live');
    expect(await lastSender(CUSTOMER)).toBe(CUSTOMER);
    const edited: Message[] = [];
    app.core.bus.subscribe((event) => {
      if (event.type === 'message.edited') edited.push(event.data as Message);
    });
    store.applyEdit('shop', {
      chatJid: CUSTOMER,
      targetId: newest.id,
      text: 'kumquat, edited',
      timestamp: 9_000,
    });
    expect(await lastSender(CUSTOMER)).toBe(CUSTOMER);
    expect(edited.map((m) => [m.id, m.sender])).toEqual([[newest.id, CUSTOMER]]);
  });

  it("is what migration 0059's trigger copies to the chat row, by the same expression", () => {
    const trigger = app.core.db.$client
      .prepare(`SELECT sql FROM sqlite_master WHERE name = 'chats_kept_kind_on_message_update'`)
      .pluck()
      .get() as string;
    expect(trigger).toContain(senderColumn('new.'));
  });
});
