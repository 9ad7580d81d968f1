/**
 * What the write path keeps beside the messages (issue #27): the report marks (migrations 0028,
 * 0035), the inbox view counts (0027) and each chat's summary. History slices arrive shuffled and
 * repeated, live messages one by one (some first as "waiting"); after every round the kept values
 * must equal a recount from the messages themselves, and the reports folded round by round from
 * the marks must equal a fold of everything from scratch.
 */
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { message } from '../../../testkit/support/chat-list-world.js';
import { createRandom, type Random } from '../../../testkit/support/random.js';
import { EventBus } from '../../core/event-bus.js';
import { openDatabase, type Db } from '../../db/connection.js';
import type { MessageRecord } from '../../wa/message-mapping.js';
import { EventRecorder } from '../events/event-recorder.js';
import { ConversationTable } from '../reports/conversation-table.js';
import { MessageStore } from './message-store.js';

const silent = { error() {}, warn() {}, info() {}, debug() {} } as never;
const SESSIONS = ['shop', 'care'];
const CHATS = [
  '972500000001@s.whatsapp.net',
  '972500000002@s.whatsapp.net',
  '972500000003@s.whatsapp.net',
  '123456789012345@lid',
  '120363000000001@g.us',
  '120363000000002@g.us',
];
const MINUTE = 60_000;
const START = Date.UTC(2026, 10, 2);

let db: Db | null = null;
afterEach(() => {
  db?.$client.close();
  db = null;
});

/** A text message (a "waiting" one has no text), ours now and then, some of ours sent by a person. */
function record(
  random: Random,
  chatJid: string,
  id: string,
  timestamp: number,
  type = 'text',
): MessageRecord {
  const fromMe = random.chance(0.4);
  return {
    ...message(chatJid, id, timestamp, fromMe),
    senderJid: fromMe ? '972500000000@s.whatsapp.net' : chatJid,
    type: type as MessageRecord['type'],
    text: type === 'waiting' ? null : `message ${id}`,
    sentBy: fromMe && random.chance(0.5) ? { type: 'user', id: 'usr_dana', name: 'Dana' } : null,
  };
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.int(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const rows = (sqlite: Database.Database, sql: string, ...params: unknown[]) =>
  sqlite.prepare(sql).all(...params);

describe('what ingest keeps beside the messages', () => {
  it('equals a recount after every round of shuffled history and live messages, and folds reports as a fold from scratch does', () => {
    const random = createRandom(27);
    db = openDatabase(':memory:');
    const sqlite = db.$client;
    for (const id of SESSIONS) sqlite.prepare('INSERT INTO sessions (id, name) VALUES (?, ?)').run(id, id);
    const events = new EventRecorder(db, new EventBus(silent));
    const store = new MessageStore(db, events);
    const table = new ConversationTable(db);
    const stored: { session: string; record: MessageRecord }[] = [];
    // Live messages by session and id: they alone add to a chat's unread count.
    const live = new Set<string>();
    let nextId = 0;
    // Unique times, so "the newest message" of a chat is one message.
    const usedTimes = new Set<number>();
    const freshTime = () => {
      let at = START + random.int(30 * 24 * 60) * MINUTE;
      while (usedTimes.has(at)) at += 1;
      usedTimes.add(at);
      return at;
    };
    let foldedThrough = 0;
    for (let round = 0; round < 6; round += 1) {
      for (const session of SESSIONS) {
        // A history slice: new messages at any time (older and newer than what is stored), and
        // some already stored, in any order, in store batches of any size.
        const fresh = Array.from({ length: 40 + random.int(60) }, () =>
          record(random, random.pick(CHATS), `m${nextId++}`, freshTime()),
        );
        const again = stored.filter((s) => s.session === session && random.chance(0.2)).map((s) => s.record);
        const slice = shuffled(random, [...fresh, ...again]);
        for (let at = 0; at < slice.length;) {
          const size = 1 + random.int(50);
          store.ingest(session, slice.slice(at, at + size), 'history');
          at += size;
        }
        for (const r of fresh) stored.push({ session, record: r });
        // Live: one at a time; one first arrives as "waiting" and gets its content later.
        const chat = random.pick(CHATS);
        const waiting = record(random, chat, `m${nextId++}`, freshTime(), 'waiting');
        store.ingest(session, [waiting], 'live');
        for (let i = 0; i < 3; i += 1) {
          const one = record(random, random.pick(CHATS), `m${nextId++}`, freshTime());
          store.ingest(session, [one], 'live');
          stored.push({ session, record: one });
          live.add(`${session} ${one.id}`);
        }
        const arrived = { ...record(random, chat, waiting.id, waiting.timestamp), fromMe: false };
        store.ingest(session, [arrived], 'live');
        stored.push({ session, record: arrived });
        live.add(`${session} ${arrived.id}`);
      }
      // Someone takes a chat or resolves one now and then (the view counts follow the chats).
      if (round % 2 === 1) {
        sqlite.exec(`UPDATE chats SET status = 'resolved' WHERE rowid = (SELECT min(rowid) FROM chats)`);
        sqlite.exec(
          `UPDATE chats SET assignee_user_id = 'usr_dana' WHERE rowid = (SELECT max(rowid) FROM chats)`,
        );
      }

      // The marks: each customer chat given a message since the last fold, from its earliest one.
      expect(
        rows(sqlite, 'SELECT session_id, chat_jid, since FROM report_dirty_chats ORDER BY 1, 2'),
      ).toEqual(
        rows(
          sqlite,
          `SELECT session_id, chat_jid, min(timestamp) AS since FROM messages
            WHERE row_id > ? AND substr(chat_jid, -5) <> '@g.us' GROUP BY 1, 2 ORDER BY 1, 2`,
          foldedThrough,
        ),
      );
      // The view counts: chats counted by number, person, team and status.
      expect(
        rows(
          sqlite,
          'SELECT session_id, assignee_user_id, assignee_team_id, status, n FROM chat_view_counts WHERE n > 0 ORDER BY 1, 2, 3, 4',
        ),
      ).toEqual(
        rows(
          sqlite,
          `SELECT session_id, coalesce(assignee_user_id, '') AS assignee_user_id, coalesce(assignee_team_id, '') AS assignee_team_id,
             status, count(*) AS n FROM chats GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
        ),
      );
      // Each chat's summary: its newest message with content (history writes it once per slice
      // and skips it when the slice changes nothing, live once per message).
      expect(
        rows(
          sqlite,
          `SELECT session_id, jid, last_message_id, last_message_at, last_message_from_me, last_message_status,
             last_message_preview FROM chats ORDER BY 1, 2`,
        ),
      ).toEqual(
        rows(
          sqlite,
          `SELECT session_id, chat_jid AS jid, id AS last_message_id, max(timestamp) AS last_message_at,
             from_me AS last_message_from_me, status AS last_message_status, text AS last_message_preview
             FROM messages WHERE type <> 'waiting' GROUP BY 1, 2 ORDER BY 1, 2`,
        ),
      );
      // Unread counts: the live messages of the customer stored after the last one of ours (in
      // the order they were stored, whatever their time); history never adds to them.
      const rowsOf = sqlite
        .prepare(
          `SELECT session_id AS session, chat_jid AS chat, id, from_me AS fromMe FROM messages
            WHERE type <> 'waiting' ORDER BY row_id`,
        )
        .all() as { session: string; chat: string; id: string; fromMe: number }[];
      const unread = new Map<string, number>();
      for (const row of rowsOf) {
        const key = `${row.session} ${row.chat}`;
        if (row.fromMe) unread.set(key, 0);
        else if (live.has(`${row.session} ${row.id}`)) unread.set(key, (unread.get(key) ?? 0) + 1);
        else if (!unread.has(key)) unread.set(key, 0);
      }
      expect(
        Object.fromEntries(
          (
            rows(sqlite, 'SELECT session_id, jid, unread_count FROM chats') as {
              session_id: string;
              jid: string;
              unread_count: number;
            }[]
          ).map((chat) => [`${chat.session_id} ${chat.jid}`, chat.unread_count]),
        ),
      ).toEqual(Object.fromEntries(unread));
      table.settle();
      foldedThrough = (sqlite.prepare('SELECT max(row_id) AS n FROM messages').get() as { n: number }).n;
    }

    // The reports folded round by round from the marks equal one fold of everything.
    const conversations = `SELECT k.session_id, k.chat_jid, opened_at, first_incoming_at, first_response_at, resolved_at,
      assignee_user_id, assignee_team_id FROM report_conversations c JOIN report_chats k ON k.id = c.chat ORDER BY 1, 2, 3`;
    const counts = 'SELECT * FROM report_message_counts ORDER BY 1, 2, 3, 4, 5, 6, 7';
    const kept = { conversations: rows(sqlite, conversations), counts: rows(sqlite, counts) };
    expect(kept.conversations.length).toBeGreaterThan(5);
    expect(kept.counts.length).toBeGreaterThan(10);
    sqlite.exec(`DELETE FROM report_conversations; DELETE FROM report_message_counts;
      INSERT INTO report_dirty_chats (session_id, chat_jid, since)
        SELECT session_id, jid, -1 FROM chats WHERE kind = 'user'`);
    table.settle();
    expect({ conversations: rows(sqlite, conversations), counts: rows(sqlite, counts) }).toEqual(kept);
  });

  it('writes no chat summary for a history slice older than the chat, except to clear its unread count', () => {
    const random = createRandom(2027);
    db = openDatabase(':memory:');
    const sqlite = db.$client;
    sqlite.prepare('INSERT INTO sessions (id, name) VALUES (?, ?)').run('shop', 'shop');
    const store = new MessageStore(db, new EventRecorder(db, new EventBus(silent)));
    // A group: no report marks, so the writes counted below are the messages' and the chat's.
    const chat = CHATS[4] as string;
    const incoming = (id: string, at: number) => ({ ...record(random, chat, id, at), fromMe: false });
    const summary = () =>
      sqlite
        .prepare(
          `SELECT last_message_id AS id, unread_count AS unread, updated_at AS updatedAt
             FROM chats WHERE jid = ?`,
        )
        .get(chat) as { id: string; unread: number; updatedAt: string };
    // As WhatsApp syncs history: the newest slice first, then older ones.
    store.ingest(
      'shop',
      [incoming('new-1', START + 10 * MINUTE), incoming('new-2', START + 11 * MINUTE)],
      'history',
    );
    store.ingest('shop', [incoming('live-1', START + 12 * MINUTE)], 'live');
    const before = summary();
    expect(before).toMatchObject({ id: 'live-1', unread: 1 });
    const writes = () => (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    let start = writes();
    store.ingest(
      'shop',
      [incoming('old-1', START + MINUTE), incoming('old-2', START + 2 * MINUTE)],
      'history',
    );
    const older = writes() - start;
    // The message rows and nothing of the chat: the same summary, not even its time touched.
    expect(summary()).toEqual(before);
    // Two newer messages the same way cost the same writes plus the chat's.
    start = writes();
    store.ingest(
      'shop',
      [incoming('new-3', START + 13 * MINUTE), incoming('new-4', START + 14 * MINUTE)],
      'history',
    );
    expect(writes() - start).toBe(older + 1);
    expect(summary()).toMatchObject({ id: 'new-4', unread: 1 });
    // An older message of ours does clear the count, and only that: the last message stays.
    store.ingest('shop', [{ ...incoming('old-3', START + 3 * MINUTE), fromMe: true }], 'history');
    expect(summary()).toMatchObject({ id: 'new-4', unread: 0 });
  });
});
