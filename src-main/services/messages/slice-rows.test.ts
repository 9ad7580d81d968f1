/**
 * A history slice's rows inserted by one statement from a staging table (slice-rows.ts, issue
 * #23 target 4). The rows, their row ids (the search's newest-first order), their search entries,
 * statuses and the returned messages must be those of the row-by-row path, for new, repeated and
 * already stored records alike; a failing slice leaves nothing, staging included.
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
  // Everything a row holds, in row id order.
  const rows = () =>
    sqlite
      .prepare(
        `SELECT row_id, session_id, chat_jid, id, from_me, sender_jid, sender_name, type, text, media, content,
           quoted_id, mentions, status, timestamp, forwarded, raw, sent_by, created_at, typeof(raw) AS raw_type
         FROM messages ORDER BY row_id`,
      )
      .all();
  const hits = (word: string) =>
    sqlite
      .prepare(`SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid`)
      .all(word)
      .map((r) => (r as { rowid: number }).rowid);
  const staged = () =>
    (sqlite.prepare('SELECT count(*) AS n FROM temp.history_slice_rows').get() as { n: number }).n;
  return { store, sqlite, rows, hits, staged };
}

const text = (chat: string, id: string, at: number, words: string, fromMe = false): MessageRecord => ({
  ...message(chat, id, at, fromMe),
  text: words,
});

describe('a history slice inserted by one statement', () => {
  it('stores, numbers and indexes its rows as one insert per record does', () => {
    const earlier = [text(A, 'old', 1, 'saffron before')];
    const slice: MessageRecord[] = [
      text(A, 'a1', 10, 'saffron rice'),
      { ...text(GROUP, 'g1', 11, 'plain words'), mentions: [A], media: null, forwarded: true },
      // Already stored, now with a later status: carried forward, no second row.
      { ...text(A, 'old', 1, 'saffron before'), status: 'read' },
      text(B, 'b1', 12, 'nothing here', true),
      // Repeated within the slice: the first wins, the second only moves the status on.
      { ...text(A, 'a1', 10, 'saffron rice'), status: 'delivered' },
      { ...text(B, 'w1', 13, 'x'), type: 'waiting', text: null },
      {
        ...text(B, 'b2', 14, 'saffron tea'),
        raw: Buffer.from([0, 255, 7]),
        sentBy: { kind: 'api' } as never,
      },
    ];
    const whole = open();
    whole.store.ingest('shop', earlier, 'history');
    const returned = whole.store.ingest('shop', slice, 'history', { messages: true });
    const single = open();
    single.store.ingest('shop', earlier, 'history');
    const singleReturned = slice.flatMap((r) =>
      single.store.ingest('shop', [r], 'history', { messages: true }),
    );

    expect(whole.rows()).toEqual(single.rows());
    expect(returned).toEqual(singleReturned);
    expect(returned.map((m) => m.id)).toEqual(['a1', 'g1', 'b1', 'b2']);
    // Row ids follow the slice's order; the search finds each new row by its id.
    expect(whole.rows().map((r) => (r as { id: string }).id)).toEqual(['old', 'a1', 'g1', 'b1', 'w1', 'b2']);
    const withSaffron = whole
      .rows()
      .filter((r) => String((r as { text: string | null }).text).includes('saffron'))
      .map((r) => (r as { row_id: number }).row_id);
    expect(withSaffron).toHaveLength(3);
    expect(whole.hits('saffron')).toEqual(withSaffron);
    expect(whole.hits('saffron')).toEqual(single.hits('saffron'));
    const status = (id: string) =>
      (whole.sqlite.prepare('SELECT status FROM messages WHERE id = ?').get(id) as { status: string }).status;
    expect(status('old')).toBe('read');
    expect(status('a1')).toBe('delivered');
    expect(whole.staged()).toBe(0);

    // A slice sent again inserts nothing and returns nothing.
    expect(whole.store.ingest('shop', slice, 'history', { messages: true })).toEqual([]);
    expect(whole.rows()).toEqual(single.rows());
  });

  it('returns no messages unless asked, and stores the same rows and chat summaries either way', () => {
    const slice = [
      text(A, 'a1', 10, 'first'),
      text(A, 'a2', 30, 'newest of A', true),
      text(B, 'b1', 20, 'only one of B'),
      text(A, 'a0', 5, 'older, after in the slice'),
    ];
    const quiet = open();
    const asked = open();
    expect(quiet.store.ingest('shop', slice, 'history')).toEqual([]);
    expect(asked.store.ingest('shop', slice, 'history', { messages: true }).map((m) => m.id)).toEqual([
      'a1',
      'a2',
      'b1',
      'a0',
    ]);
    expect(quiet.rows()).toEqual(asked.rows());
    const summaries = (world: ReturnType<typeof open>) =>
      world.sqlite
        .prepare(
          `SELECT jid, last_message_id, last_message_at, last_message_preview, last_message_from_me, unread_count
           FROM chats ORDER BY jid`,
        )
        .all();
    expect(summaries(quiet)).toEqual(summaries(asked));
    expect(summaries(quiet)).toContainEqual(
      expect.objectContaining({ jid: A, last_message_id: 'a2', last_message_preview: 'newest of A' }),
    );
  });

  it('writes no creation time on either path, and still reads a row that has one', () => {
    const { store, sqlite } = open();
    store.ingest('shop', [text(A, 'h1', 10, 'from the history')], 'history');
    store.ingest('shop', [text(A, 'l1', 20, 'live')], 'live');
    // A row as written before session 20: its creation time is the column's default.
    sqlite
      .prepare(
        `INSERT INTO messages (session_id, chat_jid, id, from_me, sender_jid, type, text, status, timestamp)
         VALUES ('shop', ?, 'o1', 0, ?, 'text', 'older', 'delivered', 5)`,
      )
      .run(A, A);
    const createdAt = (id: string) =>
      (sqlite.prepare('SELECT created_at AS at FROM messages WHERE id = ?').get(id) as { at: string }).at;
    expect(createdAt('h1')).toBe('');
    expect(createdAt('l1')).toBe('');
    expect(createdAt('o1')).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(store.get('shop', A, 'o1')).toMatchObject({ id: 'o1', text: 'older', sender: A });
    expect(store.get('shop', A, 'h1')).toMatchObject({ id: 'h1', text: 'from the history', sender: A });
  });

  it('leaves no row, search entry or staged row after a slice that fails', () => {
    const { store, rows, hits, staged } = open();
    const broken = { ...text(A, 'bad', 5, 'saffron'), type: null } as unknown as MessageRecord;
    expect(() =>
      store.ingest('shop', [text(A, 'a1', 10, 'saffron'), text(B, 'b1', 20, 'saffron'), broken], 'history'),
    ).toThrow(/NOT NULL/);
    expect(rows()).toEqual([]);
    expect(hits('saffron')).toEqual([]);
    expect(staged()).toBe(0);
    // The next slice goes in as usual.
    store.ingest('shop', [text(A, 'a1', 10, 'saffron')], 'history');
    expect(hits('saffron')).toEqual([(rows()[0] as { row_id: number }).row_id]);
  });
});
