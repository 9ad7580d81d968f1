import { describe, expect, it } from 'vitest';
import { EventBus } from '../../core/event-bus.js';
import { pino } from 'pino';
import { openDatabase } from '../../db/connection.js';
import { EventRecorder } from '../events/event-recorder.js';
import { HistoryQueries } from './history-queries.js';
import { MessageStore } from './message-store.js';

/** 130 messages where every 10 share one second, as WhatsApp's whole-second times do. */
function seeded() {
  const db = openDatabase(':memory:');
  const store = new MessageStore(db, new EventRecorder(db, new EventBus(pino({ level: 'silent' }))));
  const records = Array.from({ length: 130 }, (_, i) => ({
    chatJid: 'c@s.whatsapp.net',
    id: `M${String(i).padStart(4, '0')}`,
    fromMe: false,
    senderJid: 'c@s.whatsapp.net',
    senderName: null,
    type: 'text' as const,
    text: `message ${i}`,
    media: null,
    content: null,
    quotedId: null,
    mentions: [],
    status: 'delivered' as const,
    timestamp: 1_700_000_000_000 + Math.floor(i / 10) * 1000,
    forwarded: false,
    raw: Buffer.alloc(0),
  }));
  store.ingest('s', records, 'history');
  return new HistoryQueries(db);
}

describe('conversation paging', () => {
  it('walks the whole history with cursors, skipping and repeating nothing, though times collide', () => {
    const history = seeded();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const position: { at: number; rowId: number } | null = cursor
        ? { at: Number(cursor.split('.')[0]), rowId: Number(cursor.split('.')[1]) }
        : null;
      const page = history.pageWithCursor('s', 'c@s.whatsapp.net', {
        limit: 25,
        ...(position ? { before: position.at, rowId: position.rowId } : {}),
      });
      seen.push(...page.messages.map((m) => m.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
    expect(seen[0]).toBe('M0129');
    expect(seen[129]).toBe('M0000');
  });

  it('a plain `before` time is strict, and `after` pages forward', () => {
    const history = seeded();
    const older = history.page('s', 'c@s.whatsapp.net', { limit: 50, before: 1_700_000_001_000 });
    expect(older.map((m) => m.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `M${String(9 - i).padStart(4, '0')}`),
    );
    const newer = history.page('s', 'c@s.whatsapp.net', { limit: 5, after: 1_700_000_011_000 });
    expect(newer.map((m) => m.id)).toEqual(['M0124', 'M0123', 'M0122', 'M0121', 'M0120']);
  });

  it('the inbox pages both ways from a search hit, and misses no neighbour sharing its second', () => {
    const history = seeded();
    // M0055 shares its second with M0050…M0059.
    const window = history.around('s', 'c@s.whatsapp.net', 'M0055', 7);
    expect(window?.messages.map((m) => m.id)).toEqual(
      [62, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48].map(
        (i) => `M${String(i).padStart(4, '0')}`,
      ),
    );
    const seen = new Set(window?.messages.map((m) => m.id));
    for (let cursor = window?.older ?? null; cursor;) {
      const page = history.pageFrom('s', 'c@s.whatsapp.net', { limit: 7, before: cursor });
      for (const m of page.messages) seen.add(m.id);
      cursor = page.next;
    }
    for (let cursor = window?.newer ?? null; cursor;) {
      const page = history.pageFrom('s', 'c@s.whatsapp.net', { limit: 7, after: cursor });
      for (const m of page.messages) seen.add(m.id);
      cursor = page.next;
    }
    expect(seen.size).toBe(130);
    expect(history.around('s', 'c@s.whatsapp.net', 'nope', 7)).toBeNull();
  });

  it('says when an end is reached', () => {
    const history = seeded();
    const newest = history.around('s', 'c@s.whatsapp.net', 'M0127', 5);
    expect(newest?.newer).toBeNull();
    expect(newest?.messages[0]?.id).toBe('M0129');
    const oldest = history.around('s', 'c@s.whatsapp.net', 'M0001', 5);
    expect(oldest?.older).toBeNull();
    expect(oldest?.messages.at(-1)?.id).toBe('M0000');
  });
});
