/**
 * A history slice's derived rows written set-wise (slice-writes.ts, migration 0049): the report
 * marks and chat summaries one statement each per slice, the per-row mark trigger stepped aside
 * during the slice's inserts. They must be what the per-row path writes, whatever the order and
 * repetition of slices, and the trigger must be back for every other insert.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { message } from '../../../testkit/support/chat-list-world.js';
import { CHATS, closeMemoryStores, openMemoryStore } from '../../../testkit/support/memory-store.js';
import type { MessageRecord } from '../../wa/message-mapping.js';

const { customer: A, lidCustomer: B, group: GROUP } = CHATS;

afterEach(closeMemoryStores);

function open() {
  const { db, store } = openMemoryStore();
  const sqlite = db.$client;
  const marks = () =>
    sqlite.prepare('SELECT chat_jid AS chat, since FROM report_dirty_chats ORDER BY chat_jid').all();
  const chats = () =>
    sqlite
      .prepare(
        `SELECT jid, last_message_id AS id, last_message_at AS at, last_message_from_me AS fromMe,
           unread_count AS unread FROM chats ORDER BY jid`,
      )
      .all();
  return { store, sqlite, marks, chats };
}

const text = (chat: string, id: string, at: number, fromMe = false): MessageRecord => ({
  ...message(chat, id, at, fromMe),
  text: `message ${id}`,
});

describe('a history slice written set-wise', () => {
  it('marks each customer chat from its earliest new message, as the trigger would, and no group', () => {
    const { store, sqlite, marks } = open();
    store.ingest(
      'shop',
      [text(A, 'a2', 20), text(GROUP, 'g1', 5), text(A, 'a1', 10), text(B, 'b1', 30)],
      'history',
    );
    expect(marks()).toEqual([
      { chat: B, since: 30 },
      { chat: A, since: 10 },
    ]);
    // The background fold clears the marks; a slice sent again (WhatsApp repeats history) marks
    // nothing, as the trigger marks only rows that go in.
    sqlite.exec('DELETE FROM report_dirty_chats');
    store.ingest('shop', [text(A, 'a1', 10), text(B, 'b1', 30)], 'history');
    expect(marks()).toEqual([]);
    // A mark from later moves back to an older new message; one from earlier stays.
    sqlite.exec(
      `INSERT INTO report_dirty_chats (session_id, chat_jid, since) VALUES ('shop', '${A}', 15), ('shop', '${B}', 1)`,
    );
    store.ingest('shop', [text(A, 'a0', 5), text(B, 'b0', 8), text(A, 'a3', 40)], 'history');
    expect(marks()).toEqual([
      { chat: B, since: 1 },
      { chat: A, since: 5 },
    ]);
    // The same rows through the live path (the trigger) give the same marks.
    const live = open();
    for (const r of [text(A, 'a2', 20), text(GROUP, 'g1', 5), text(A, 'a1', 10), text(B, 'b1', 30)]) {
      live.store.ingest('shop', [r], 'live');
    }
    expect(live.marks()).toEqual([
      { chat: B, since: 30 },
      { chat: A, since: 10 },
    ]);
  });

  it('gives the summaries and unread counts of one message at a time, whatever the slices', () => {
    const slices: MessageRecord[][] = [
      [text(A, 'a5', 50), text(B, 'b5', 55, true)],
      [text(A, 'a1', 10, true), text(A, 'a9', 90), text(GROUP, 'g3', 30)],
      [text(B, 'b2', 20), text(A, 'a9', 90), text(GROUP, 'g1', 10)],
    ];
    for (const order of [
      [0, 1, 2],
      [2, 1, 0],
      [1, 2, 0, 1],
    ]) {
      const whole = open();
      // A live message first, so there is an unread count for a slice's message of ours to clear.
      whole.store.ingest('shop', [text(A, 'live', 60)], 'live');
      for (const i of order) whole.store.ingest('shop', slices[i] as MessageRecord[], 'history');
      const single = open();
      single.store.ingest('shop', [text(A, 'live', 60)], 'live');
      for (const i of order) {
        for (const r of slices[i] as MessageRecord[]) single.store.ingest('shop', [r], 'history');
      }
      expect(whole.chats()).toEqual(single.chats());
      expect(whole.marks()).toEqual(single.marks());
      expect(whole.chats()).toEqual([
        { jid: GROUP, id: 'g3', at: 30, fromMe: 0, unread: 0 },
        { jid: B, id: 'b5', at: 55, fromMe: 1, unread: 0 },
        // a1 (ours, older than the live message) cleared the live message's count.
        { jid: A, id: 'a9', at: 90, fromMe: 0, unread: 0 },
      ]);
    }
  });

  it('leaves nothing written by a slice that fails, and the trigger on for what follows', () => {
    const { store, marks, chats } = open();
    const broken = { ...text(A, 'bad', 5), type: null } as unknown as MessageRecord;
    expect(() => store.ingest('shop', [text(A, 'a1', 10), text(B, 'b1', 20), broken], 'history')).toThrow(
      /NOT NULL/,
    );
    expect(marks()).toEqual([]);
    expect(chats()).toEqual([]);
    store.ingest('shop', [text(B, 'b2', 30)], 'live');
    expect(marks()).toEqual([{ chat: B, since: 30 }]);
  });
});
