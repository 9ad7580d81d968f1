/**
 * A MessageStore on an in-memory database with one number, "shop", for the write path's unit
 * tests (slice rows, slice writes): open one per test, close them all after each.
 */
import { EventBus } from '../../src-main/core/event-bus.js';
import { openDatabase, type Db } from '../../src-main/db/connection.js';
import { EventRecorder } from '../../src-main/services/events/event-recorder.js';
import { MessageStore } from '../../src-main/services/messages/message-store.js';

const silent = { error() {}, warn() {}, info() {}, debug() {} } as never;

/** A customer on a phone number, one on a LID, and a group: the chats these tests write to. */
export const CHATS = {
  customer: '972500000001@s.whatsapp.net',
  lidCustomer: '123456789012345@lid',
  group: '120363000000001@g.us',
} as const;

const opened: Db[] = [];

export function openMemoryStore(): { db: Db; store: MessageStore } {
  const db = openDatabase(':memory:');
  opened.push(db);
  db.$client.prepare('INSERT INTO sessions (id, name) VALUES (?, ?)').run('shop', 'shop');
  return { db, store: new MessageStore(db, new EventRecorder(db, new EventBus(silent))) };
}

/** For `afterEach`: closes every store opened since. */
export function closeMemoryStores(): void {
  for (const db of opened.splice(0)) db.$client.close();
}
