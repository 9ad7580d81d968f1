import { textConversation } from '../../../testkit/wa-emulator/history-seeds.js';
import { expect, it } from 'vitest';
import type { Message } from '../../../src-shared/messages.js';
import { useCleanups } from '../../../testkit/support/cleanups.js';
import { coreOnWaServer, linkSession } from '../../../testkit/support/linked-session.js';
import { startReceiver, type ReceivedDelivery } from '../../../testkit/support/webhook-receiver.js';

const SHOP = '972507771100';
const CUSTOMERS = ['972508881100', '972508882200'];
/** Two chats of 260 messages each: more than one store batch is not needed, more than a few chunks is. */
const PER_CHAT = 260;

const world = coreOnWaServer();
const onCleanup = useCleanups();

/** A conversation as the phone hands it over on first link; the two chats' messages interleave in time. */
function conversation(phone: string, offset: number) {
  const start = Math.floor(Date.UTC(2026, 0, 1) / 1000);
  const messages = Array.from({ length: PER_CHAT }, (_, i) => ({
    id: `H${offset}${String(i).padStart(5, '0')}`,
    text: `old message ${i} of ${phone}`,
    fromMe: i % 4 === 0,
    timestamp: start + i * 60 + offset,
  }));
  return textConversation(`${phone}@s.whatsapp.net`, messages, { name: `Customer ${offset}` });
}

type Chunk = { slice: string; chunk: number; messages: Message[] };

/**
 * Issue #26 point 9 (seed 004's HistorySync): a webhook that names `history.messages` gets the
 * phone's history when a number is linked, in numbered chunks of at most 100 messages, oldest
 * first, every message once and shaped like `message.received`; a webhook taking "every type"
 * gets none of it.
 */
it('hands the history of a newly linked number to the webhook that asked for it, in chunks', async () => {
  const { app, emulator } = world;
  const mirror = await startReceiver();
  const everything = await startReceiver();
  onCleanup(() => mirror.close());
  onCleanup(() => everything.close());
  for (const [url, events] of [
    [mirror.url, ['history.messages', 'history.synced']],
    [everything.url, null],
  ] as const) {
    const created = await app.request('/api/v1/webhooks', { method: 'POST', json: { url, events } });
    expect(created.status).toBe(201);
  }
  CUSTOMERS.forEach((phone, index) => emulator.createAccount(phone, `Customer ${index + 1}`));
  emulator.seedHistory(SHOP, {
    conversations: CUSTOMERS.map((phone, index) => conversation(phone, index + 1)),
  });
  await linkSession(app, emulator, SHOP);
  await mirror.until((all) => all.some((delivery) => delivery.json.type === 'history.synced'), 90_000);
  await everything.until((all) => all.some((delivery) => delivery.json.type === 'history.synced'), 90_000);

  // Each delivery once (a retried one would come again with the same id).
  const firsts = new Map<string, ReceivedDelivery>();
  for (const delivery of mirror.received)
    if (!firsts.has(delivery.json.id)) firsts.set(delivery.json.id, delivery);
  const arrivals = [...firsts.values()];
  expect(arrivals.at(-1)?.json.type).toBe('history.synced');
  const chunks = arrivals
    .filter((delivery) => delivery.json.type === 'history.messages')
    .map((delivery) => delivery.json.data as Chunk);
  expect(new Set(chunks.map((chunk) => chunk.slice)).size).toBe(1);
  expect(chunks.map((chunk) => chunk.chunk)).toEqual(chunks.map((_, index) => index + 1));
  expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil((2 * PER_CHAT) / 100));
  for (const chunk of chunks) expect(chunk.messages.length).toBeLessThanOrEqual(100);

  const messages = chunks.flatMap((chunk) => chunk.messages);
  const ids = messages.map((message) => message.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.sort()).toEqual(
    [1, 2]
      .flatMap((offset) =>
        Array.from({ length: PER_CHAT }, (_, i) => `H${offset}${String(i).padStart(5, '0')}`),
      )
      .sort(),
  );
  // Oldest first, across chunks and the store's batches of 500.
  const times = messages.map((message) => message.timestamp);
  expect(times).toEqual([...times].sort());
  // The shape of message.received.
  expect(messages.find((message) => message.id === 'H200001')).toMatchObject({
    session: 'shop',
    chat: `${CUSTOMERS[1]}@s.whatsapp.net`,
    fromMe: false,
    type: 'text',
    text: `old message 1 of ${CUSTOMERS[1]}`,
  });

  // "Every type" does not include it.
  expect(everything.received.filter((delivery) => delivery.json.type === 'history.messages')).toEqual([]);
}, 180_000);
