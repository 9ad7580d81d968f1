/**
 * The read paths that must stay fast at millions of messages (docs/PERFORMANCE.md): the SQL the
 * services actually prepare is captured and its query plan checked — index walks, no sort
 * over all chats, FTS limited before the join — and the same services are checked to answer
 * correctly across pages.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageRecord } from '../../wa/message-mapping.js';
import { EventBus } from '../../core/event-bus.js';
import { openDatabase, type Db } from '../../db/connection.js';
import { ChatService } from '../chats.js';
import { EventRecorder } from '../event-recorder.js';
import { HistoryQueries } from './history-queries.js';
import { MessageStore } from './message-store.js';

let db: Db;
let prepared: string[];
let store: MessageStore;
let chats: ChatService;
let history: HistoryQueries;

const silent = { error() {}, warn() {}, info() {}, debug() {} } as never;

beforeEach(() => {
  db = openDatabase(':memory:');
  prepared = [];
  const prepare = db.$client.prepare.bind(db.$client);
  db.$client.prepare = ((source: string) => {
    prepared.push(source);
    return prepare(source);
  }) as typeof db.$client.prepare;
  const events = new EventRecorder(db, new EventBus(silent));
  store = new MessageStore(db, events);
  chats = new ChatService(db, store, {} as never, events);
  history = new HistoryQueries(db);
});

afterEach(() => {
  db.$client.close();
});

/** Values for every named parameter the statements use (unused ones are ignored). */
const PARAMS = {
  sessionId: 's1',
  chatJid: null,
  kind: 'user',
  archived: 0,
  q: '%a%',
  tagId: 't',
  cAt: 5,
  cSession: 's1',
  cJid: 'x',
  limit: 51,
  fts: '"hello"',
  before: 1e15,
};

function plan(sql: string): string {
  const params = sql.includes('@') ? [PARAMS] : [];
  return (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((row) => row.detail)
    .join('\n');
}

/** The plan of the last statement matching `pattern` prepared by `work` (or, if none, before it). */
function planOf(work: () => unknown, pattern: RegExp): string {
  const from = prepared.length;
  work();
  const sql =
    prepared
      .slice(from)
      .filter((text) => pattern.test(text))
      .pop() ?? prepared.filter((text) => pattern.test(text)).pop();
  if (!sql) throw new Error(`no statement matching ${pattern} was prepared`);
  return plan(sql);
}

function record(chat: string, id: string, timestamp: number, text: string, fromMe = false): MessageRecord {
  return {
    chatJid: chat,
    id,
    fromMe,
    senderJid: fromMe ? null : chat,
    senderName: null,
    type: 'text',
    text,
    media: null,
    content: null,
    quotedId: null,
    mentions: [],
    status: fromMe ? 'read' : 'server',
    timestamp,
    forwarded: false,
    raw: Buffer.from('x'),
  };
}

const jid = (n: number) => `9725${String(n).padStart(8, '0')}@s.whatsapp.net`;

describe('chat list', () => {
  const filters = {
    'one session': { sessionId: 's1' },
    'every session': {},
    unread: { sessionId: 's1', unread: true },
    kind: { sessionId: 's1', kind: 'group' as const },
    archived: { sessionId: 's1', archived: false },
    'every filter': { sessionId: 's1', unread: true, kind: 'user' as const, archived: true },
  };
  for (const [name, filter] of Object.entries(filters)) {
    it(`walks the order index without sorting (${name}, first page and from a cursor)`, () => {
      // Prepared statements are cached, so each shape is captured on first use.
      const index = 'sessionId' in filter ? 'chats_session_order_idx' : 'chats_order_idx';
      const first = planOf(() => chats.list({ ...filter, limit: 50 }), /FROM chats c/);
      expect(first).toContain(index);
      expect(first).not.toContain('TEMP B-TREE');
      expect(first).toMatch(/SEARCH ct USING INDEX sqlite_autoindex_contacts_1/);
      const cursor = Buffer.from(JSON.stringify([5, 's1', 'x'])).toString('base64url');
      const next = planOf(() => chats.list({ ...filter, limit: 50, cursor }), /FROM chats c/);
      expect(next).toMatch(new RegExp(`${index} \\((session_id=\\? AND )?<expr>`));
      expect(next).not.toContain('TEMP B-TREE');
    });
  }

  it('pages through every chat once, newest first, chats without messages last', () => {
    for (let n = 0; n < 23; n += 1) {
      store.ingest(n % 2 ? 's1' : 's2', [record(jid(n), `m${n}`, 1000 + (n % 7) * 10, 'hi')], 'history');
    }
    chats.applyMeta('s1', [
      { jid: jid(99), name: 'Quiet', archived: null, pinnedAt: null, mutedUntil: null, unreadCount: null },
    ]);
    for (const sessionId of [undefined, 's1']) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = chats.list({ sessionId, limit: 4, cursor });
        seen.push(...page.items.map((chat) => `${chat.session}/${chat.jid}`));
        cursor = page.next ?? undefined;
      } while (cursor);
      const all = chats.list({ sessionId, limit: 200 }).items.map((chat) => `${chat.session}/${chat.jid}`);
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(sessionId ? 12 : 24);
      expect(seen[seen.length - 1]).toBe(`s1/${jid(99)}`);
    }
  });
});

describe('history ingest keeps each chat summary as message-by-message writes would', () => {
  it('takes the newest message of a slice, leaves unread alone, and resets it when we wrote', () => {
    const chat = jid(1);
    store.ingest('s1', [record(chat, 'live1', 500, 'live one')], 'live');
    expect(store.chat('s1', chat)?.unreadCount).toBe(1);
    store.ingest(
      's1',
      [
        record(chat, 'h2', 900, 'newest'),
        record(chat, 'h1', 100, 'old'),
        record(chat, 'h3', 900, 'tie, later'),
      ],
      'history',
    );
    const after = store.chat('s1', chat);
    expect(after?.lastMessage?.id).toBe('h3');
    expect(after?.lastMessage?.preview).toBe('tie, later');
    expect(after?.unreadCount).toBe(1);
    store.ingest('s1', [record(chat, 'h0', 50, 'ours, older', true)], 'history');
    expect(store.chat('s1', chat)?.unreadCount).toBe(0);
    expect(store.chat('s1', chat)?.lastMessage?.id).toBe('h3');
  });

  it('returns what it stored, as a read returns it', () => {
    const [stored] = store.ingest('s1', [record(jid(2), 'a1', 1234, 'hello')], 'history');
    expect(stored).toEqual(store.get('s1', jid(2), 'a1'));
  });
});

describe('search', () => {
  it('limits FTS hits by rowid before joining messages', () => {
    const sql = planOf(() => history.search({ query: 'hello', limit: 50 }), /messages_fts MATCH/);
    // FTS5's idxNum flags 0x40 | 0x80: FTS itself returns hits ordered by rowid, descending,
    // so LIMIT stops it early; rows are then looked up by key, and nothing is sorted.
    const idxNum = Number(/SCAN messages_fts VIRTUAL TABLE INDEX (\d+):M/.exec(sql)?.[1]);
    expect(idxNum & 0xc0).toBe(0xc0);
    expect(sql).toContain('SEARCH m USING INTEGER PRIMARY KEY (rowid=?)');
    expect(sql).not.toMatch(/SCAN m\b/);
    expect(sql).not.toContain('TEMP B-TREE');
  });

  it('pages newest first across sessions and within one, without skipping or repeating', () => {
    for (let n = 0; n < 120; n += 1) {
      store.ingest(
        n % 3 ? 's1' : 's2',
        [record(jid(n % 5), `x${n}`, 1000 + n, `order number ${n}`)],
        'history',
      );
    }
    for (const sessionId of [undefined, 's2']) {
      const ids: string[] = [];
      let beforeRowId: number | undefined;
      for (;;) {
        const page = history.search({ query: 'order', sessionId, limit: 7, beforeRowId });
        ids.push(...page.messages.map((message) => message.id));
        if (page.nextRowId === null) break;
        beforeRowId = page.nextRowId;
      }
      const expected = Array.from({ length: 120 }, (_, n) => n)
        .filter((n) => !sessionId || n % 3 === 0)
        .reverse()
        .map((n) => `x${n}`);
      expect(ids).toEqual(expected);
    }
  });
});
