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
          const live = record(random, random.pick(CHATS), `m${nextId++}`, freshTime());
          store.ingest(session, [live], 'live');
          stored.push({ session, record: live });
        }
        const arrived = { ...record(random, chat, waiting.id, waiting.timestamp), fromMe: false };
        store.ingest(session, [arrived], 'live');
        stored.push({ session, record: arrived });
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
      // Each chat's summary: its newest message with content.
      expect(
        rows(sqlite, 'SELECT session_id, jid, last_message_id, last_message_at FROM chats ORDER BY 1, 2'),
      ).toEqual(
        rows(
          sqlite,
          `SELECT session_id, chat_jid AS jid, id AS last_message_id, max(timestamp) AS last_message_at FROM messages
            WHERE type <> 'waiting' GROUP BY 1, 2 ORDER BY 1, 2`,
        ),
      );
      table.settle();
      foldedThrough = (sqlite.prepare('SELECT max(row_id) AS n FROM messages').get() as { n: number }).n;
    }

    // The reports folded round by round from the marks equal one fold of everything.
    const conversations = `SELECT session_id, chat_jid, opened_at, first_incoming_at, first_response_at, resolved_at,
      assignee_user_id, assignee_team_id FROM report_conversations ORDER BY 1, 2, 3`;
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
});
