/**
 * Conversation pages, search hits and a number's latest messages carry each message's reactions,
 * read in the same statement as the messages themselves (reactions-column.ts): a page of hits is
 * one statement, not one more per hit.
 */
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { EventBus } from '../../core/event-bus.js';
import { openDatabase, type Db } from '../../db/connection.js';
import { EventRecorder } from '../events/event-recorder.js';
import { HistoryQueries } from './history-queries.js';
import { LatestMessages } from './latest-messages.js';
import { MessageStore } from './message-store.js';

const CHAT = 'c@s.whatsapp.net';
const OTHER = 'o@s.whatsapp.net';

/** Counts the statements run (any method) on `db` from now on. */
function countRuns(db: Db): { runs: number } {
  const counter = { runs: 0 };
  const prepare = db.$client.prepare.bind(db.$client);
  db.$client.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ['all', 'get', 'iterate', 'run'] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      statement[method] = ((...args: unknown[]) => {
        counter.runs += 1;
        return original(...args);
      }) as never;
    }
    return statement;
  }) as typeof db.$client.prepare;
  return counter;
}

function seeded() {
  const db = openDatabase(':memory:');
  const store = new MessageStore(db, new EventRecorder(db, new EventBus(pino({ level: 'silent' }))));
  const texts = ['saffron rice', 'no spice here', 'saffron tea', 'more saffron please'];
  store.ingest(
    's',
    texts.map((text, i) => ({
      chatJid: i === 3 ? OTHER : CHAT,
      id: `M${i}`,
      fromMe: false,
      senderJid: i === 3 ? OTHER : CHAT,
      senderName: null,
      type: 'text' as const,
      text,
      media: null,
      content: null,
      quotedId: null,
      mentions: [],
      status: 'delivered' as const,
      timestamp: 1_700_000_000_000 + i * 1000,
      forwarded: false,
      raw: Buffer.alloc(0),
    })),
    'history',
  );
  const react = (targetId: string, chatJid: string, senderJid: string, emoji: string, at: number) =>
    store.applyReaction('s', { chatJid, targetId, senderJid, emoji, timestamp: 1_700_000_100_000 + at });
  react('M0', CHAT, 'z@s.whatsapp.net', '👍', 1);
  react('M0', CHAT, 'a@s.whatsapp.net', '❤️', 2);
  react('M0', CHAT, 'm@s.whatsapp.net', '😮', 3);
  react('M0', CHAT, 'm@s.whatsapp.net', '', 4);
  react('M3', OTHER, 'a@s.whatsapp.net', '🙏', 5);
  // The same message id in another chat: its reaction is not M0's.
  react('M0', OTHER, 'q@s.whatsapp.net', '🔥', 6);
  return { db, store };
}

describe('reactions on history reads', () => {
  it("search hits and pages show each message's own reactions, by sender, removed ones gone", () => {
    const { db } = seeded();
    const history = new HistoryQueries(db);
    const at = (n: number) => new Date(1_700_000_100_000 + n).toISOString();
    const m0 = [
      { sender: 'a@s.whatsapp.net', emoji: '❤️', timestamp: at(2) },
      { sender: 'z@s.whatsapp.net', emoji: '👍', timestamp: at(1) },
    ];
    const hits = history.search({ query: 'saffron', limit: 50 }).messages;
    expect(hits.map((hit) => [hit.id, hit.reactions])).toEqual([
      ['M3', [{ sender: 'a@s.whatsapp.net', emoji: '🙏', timestamp: at(5) }]],
      ['M2', []],
      ['M0', m0],
    ]);
    const page = history.page('s', CHAT, { limit: 10 });
    expect(page.map((message) => [message.id, message.reactions])).toEqual([
      ['M2', []],
      ['M1', []],
      ['M0', m0],
    ]);
    const latest = new LatestMessages(db).list({ sessionId: 's', direction: 'received', limit: 10 }).messages;
    expect(latest.map((message) => [message.id, message.reactions])).toEqual([
      ['M3', [{ sender: 'a@s.whatsapp.net', emoji: '🙏', timestamp: at(5) }]],
      ['M2', []],
      ['M1', []],
      ['M0', m0],
    ]);
  });

  it('a page of search hits, of a conversation or of the latest messages is one statement whatever reactions it holds', () => {
    const { db } = seeded();
    const counter = countRuns(db);
    const history = new HistoryQueries(db);
    expect(history.search({ query: 'saffron', limit: 50 }).messages).toHaveLength(3);
    expect(counter.runs).toBe(1);
    expect(history.page('s', CHAT, { limit: 10 })).toHaveLength(3);
    expect(counter.runs).toBe(2);
    const latest = new LatestMessages(db).list({ sessionId: 's', direction: 'received', limit: 10 });
    expect(latest.messages).toHaveLength(4);
    expect(counter.runs).toBe(3);
  });
});
