/**
 * History sync slices survive a crash between the receipt of their notification and their store
 * (pending-history.ts): the notification is kept with the message transaction, before its
 * receipt; the slice Baileys downloads afterwards is stored before the notification is
 * forgotten; one that was not stored is downloaded and stored at the next connect. Against the
 * local WhatsApp server, whose phone sends the first history slice right after linking.
 */
import type { proto } from '@whiskeysockets/baileys';
import { expect, it, vi } from 'vitest';
import { nextEvent } from '../../testkit/support/events.js';
import { coreOnWaServer, linkSession } from '../../testkit/support/linked-session.js';

const SHOP = '972507710000';
const CUSTOMER = '972508810000';
const CUSTOMER_JID = `${CUSTOMER}@s.whatsapp.net`;
const HISTORY_SIZE = 30;

const world = coreOnWaServer();

function conversation(): proto.IConversation {
  const start = Math.floor(Date.UTC(2026, 0, 1) / 1000);
  const messages = Array.from({ length: HISTORY_SIZE }, (_, i) => ({
    message: {
      key: { remoteJid: CUSTOMER_JID, fromMe: false, id: `DURHIST${String(i).padStart(4, '0')}` },
      messageTimestamp: start + i * 60,
      message: { conversation: `history message ${i}` },
    },
  }));
  return { id: CUSTOMER_JID, name: 'Dana', messages };
}

const pendingRows = () =>
  world.app.core.db.$client
    .prepare<[], { key_id: string }>(
      "SELECT key_id FROM wa_auth_keys WHERE session_id = 'shop' AND type = 'chatdock-history-pending'",
    )
    .all()
    .map((row) => row.key_id);

it(
  'a crash between the notification receipt and the slice store: the slice is stored at the next connect',
  { timeout: 120_000 },
  async () => {
    const { app, emulator } = world;
    const { store } = app.core.services.messaging;
    const ingest = store.ingest.bind(store);
    let cut = 0;
    const crash = vi.spyOn(store, 'ingest').mockImplementation((sessionId, records, source) => {
      if (source === 'history' && cut === 0) {
        cut += 1;
        throw new Error('power cut');
      }
      return ingest(sessionId, records, source);
    });
    emulator.createAccount(CUSTOMER, 'Dana');
    emulator.seedHistory(SHOP, { conversations: [conversation()] });
    await linkSession(app, emulator, SHOP);
    await expect.poll(() => cut, { timeout: 60_000 }).toBe(1);

    // WhatsApp was told the notification arrived (it will not send it again), but the app kept it.
    const [notificationId] = pendingRows();
    expect(notificationId).toBeTruthy();
    const receipts = emulator
      .messagesFor(SHOP)
      .filter(
        (e) => e.direction === 'in' && e.stanza.tag === 'receipt' && e.stanza.attrs.id === notificationId,
      );
    expect(receipts.length).toBeGreaterThan(0);
    expect(store.findById('shop', 'DURHIST0000')).toBeNull();

    // The next start (here: the next connect) downloads the slice again and stores it.
    const synced = nextEvent(app.core.bus, (e) => e.type === 'history.synced', 60_000);
    await app.request('/api/v1/sessions/shop/disconnect', { method: 'POST' });
    await app.request('/api/v1/sessions/shop/connect', { method: 'POST' });
    const event = await synced;
    expect(event.data).toMatchObject({ messages: HISTORY_SIZE });
    expect(store.findById('shop', 'DURHIST0000')?.text).toBe('history message 0');
    expect(store.findById('shop', 'DURHIST0029')?.text).toBe('history message 29');
    // The notification is forgotten right after the slice is stored (the event comes in between).
    await expect.poll(pendingRows, { timeout: 10_000 }).toEqual([]);
    crash.mockRestore();
  },
);
