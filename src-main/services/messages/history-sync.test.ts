import { type proto } from '@whiskeysockets/baileys';
import { expect, it } from 'vitest';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import type { Chat, Contact, Message } from '../../../src-shared/messages.js';
import type { Session } from '../../../src-shared/model.js';
import { nextEvent } from '../../../testkit/support/events.js';
import { coreOnWaServer, linkSession } from '../../../testkit/support/linked-session.js';

const SHOP = '972507770000';
const CUSTOMER = '972508880000';
const CUSTOMER_JID = `${CUSTOMER}@s.whatsapp.net`;
const HISTORY_SIZE = 1200;

const world = coreOnWaServer();

/** A conversation as the phone would hand it over on first link, oldest first. */
function seededConversation(): proto.IConversation {
  const start = Math.floor(Date.UTC(2026, 0, 1) / 1000);
  const messages = Array.from({ length: HISTORY_SIZE }, (_, i) => ({
    message: {
      key: { remoteJid: CUSTOMER_JID, fromMe: i % 3 === 0, id: `HIST${String(i).padStart(6, '0')}` },
      messageTimestamp: start + i * 60,
      pushName: i % 3 === 0 ? undefined : 'Dana',
      message: {
        conversation: i === HISTORY_SIZE - 1 ? 'the newest one about hummus' : `old message number ${i}`,
      },
    },
  }));
  return { id: CUSTOMER_JID, name: 'Dana', unreadCount: 2, messages };
}

it('stores the contacts and history WhatsApp syncs on first link, in batches, announced once', async () => {
  const { app, emulator } = world;
  const announced: AnyEventEnvelope[] = [];
  app.core.bus.subscribe((event) => announced.push(event));
  // Each history slice the store is handed, and the event-loop turn it was handed in: the sink
  // stores chunks sized to a time budget with a turn of the loop between them, so the API keeps
  // answering.
  let turn = 0;
  let ticking = true;
  const tick = () => {
    turn += 1;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  const slices: { count: number; turn: number }[] = [];
  const { store } = app.core.services.messaging;
  const ingest = store.ingest.bind(store);
  store.ingest = (sessionId, records, source) => {
    if (source === 'history') slices.push({ count: records.length, turn });
    return ingest(sessionId, records, source);
  };
  emulator.createAccount(CUSTOMER, 'Dana');
  emulator.seedHistory(SHOP, { conversations: [seededConversation()] });
  const synced = nextEvent(app.core.bus, (e) => e.type === 'history.synced', 30_000);
  await linkSession(app, emulator, SHOP);
  const event = await synced;
  ticking = false;
  expect(event.data).toMatchObject({ messages: HISTORY_SIZE });
  // Chunks sized to a time budget (history-store-chunks.ts): several, none over 500, all stored, each
  // handed to the store on a later turn of the loop than the one before.
  expect(slices.length).toBeGreaterThan(1);
  expect(Math.max(...slices.map((slice) => slice.count))).toBeLessThanOrEqual(500);
  expect(slices.reduce((sum, slice) => sum + slice.count, 0)).toBe(HISTORY_SIZE);
  for (let i = 1; i < slices.length; i += 1)
    expect(slices[i]?.turn).toBeGreaterThan(slices[i - 1]?.turn ?? Infinity);

  // The phone's own number and name.
  const session = (await (await app.request('/api/v1/sessions/shop')).json()) as Session;
  expect(session).toMatchObject({ phone: SHOP, pushName: 'Falafel House' });

  // Every message stored, nothing announced one by one: one history.synced and no message event.
  expect(announced.filter((e) => e.type === 'history.synced')).toHaveLength(1);
  expect(announced.filter((e) => e.type === 'message.received' || e.type === 'message.sent')).toEqual([]);
  const count = app.core.db.$client
    .prepare(`SELECT count(*) AS n FROM messages WHERE session_id = 'shop' AND chat_jid = ?`)
    .get(CUSTOMER_JID) as { n: number };
  expect(count.n).toBe(HISTORY_SIZE);
  const history = await app.request(`/api/v1/sessions/shop/chats/${CUSTOMER_JID}/messages?limit=2`);
  const page = (await history.json()) as { items: Message[] };
  expect(page.items.map((m) => m.text)).toEqual([
    'the newest one about hummus',
    `old message number ${HISTORY_SIZE - 2}`,
  ]);

  const chats = (await (await app.request('/api/v1/sessions/shop/chats')).json()) as { items: Chat[] };
  const chat = chats.items.find((c) => c.jid === CUSTOMER_JID);
  expect(chat).toMatchObject({ name: 'Dana', lastMessage: { preview: 'the newest one about hummus' } });

  const contact = (await (
    await app.request(`/api/v1/sessions/shop/contacts/${CUSTOMER_JID}`)
  ).json()) as Contact;
  expect(contact).toMatchObject({ phone: CUSTOMER, name: 'Dana' });

  const search = await app.request(`/api/v1/sessions/shop/messages?q=hummus`);
  expect(((await search.json()) as { items: Message[] }).items.map((m) => m.id)).toEqual([
    `HIST${String(HISTORY_SIZE - 1).padStart(6, '0')}`,
  ]);
}, 60_000);
