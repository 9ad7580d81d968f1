/**
 * The chat list answers exactly what the plain query it replaced answered (same chats, same
 * order, across pages), whichever index it walks: random chats, names, contacts, tags and
 * states, changed through the real services (so the triggers that keep the indexes are part of
 * the test), compared with a naive query for random filter combinations.
 */
import { createRandom, type Random } from '../../../../testkit/support/random.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../core/event-bus.js';
import { openDatabase, type Db } from '../../../db/connection.js';
import type { MessageRecord } from '../../../wa/message-mapping.js';
import { ChatService } from '../chats.js';
import { ContactService } from '../../contacts/contacts.js';
import { EventRecorder } from '../../events/event-recorder.js';
import { MessageStore } from '../../messages/message-store.js';
import { TaggingService } from '../../organize/taggings.js';
import { TagService } from '../../organize/tags.js';
import { ChatList, type ChatListOptions } from './chat-list.js';

const silent = { error() {}, warn() {}, info() {}, debug() {} } as never;
const ADMIN = { label: 'admin', actor: { type: 'key' as const, id: null, name: 'API: admin key' } };

let db: Db;
let store: MessageStore;
let chats: ChatService;
let contacts: ContactService;
let tags: TagService;
let taggings: TaggingService;

beforeEach(() => {
  db = openDatabase(':memory:');
  const events = new EventRecorder(db, new EventBus(silent));
  store = new MessageStore(db, events);
  chats = new ChatService(db, store, {} as never, events);
  contacts = new ContactService(db, {} as never);
  tags = new TagService(db, events);
  taggings = new TaggingService(db, events, store, tags);
});

afterEach(() => {
  db.$client.close();
});

// Few distinct syllables, so names share substrings (many matches) and some are rare (few).
const SYLLABLES = ['an', 'Dan', 'na', 'ro', 'Li', 'ka', 'Иван', 'ова', 'דן', 'נה', 'ß', 'é', 'Ka', 'zz'];
const SESSIONS = ['s1', 's2', 's3'];

function name(rng: Random): string | null {
  if (rng.chance(0.2)) return null;
  return Array.from({ length: 1 + rng.int(4) }, () => rng.pick(SYLLABLES)).join(rng.chance(0.3) ? ' ' : '');
}

function jidOf(n: number, rng: Random): string {
  return rng.chance(0.15)
    ? `1203630000${String(n).padStart(6, '0')}@g.us`
    : `97250${String(n).padStart(7, '0')}@s.whatsapp.net`;
}

function message(chatJid: string, id: string, timestamp: number, fromMe: boolean): MessageRecord {
  return {
    chatJid,
    id,
    fromMe,
    senderJid: fromMe ? null : chatJid,
    senderName: null,
    type: 'text',
    text: 'hi',
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

interface Made {
  chats: { session: string; jid: string }[];
  tagIds: string[];
}

/** Random chats in every state the filters look at, built and changed through the services. */
function build(rng: Random, count: number): Made {
  const made: Made = { chats: [], tagIds: [] };
  for (const tagName of ['VIP', 'Lead', 'Rare'])
    made.tagIds.push(tags.create({ name: tagName, color: '#00aa00' }).id);
  let messageId = 0;
  for (let n = 0; n < count; n += 1) {
    const session = rng.pick(SESSIONS);
    const jid = jidOf(n, rng);
    made.chats.push({ session, jid });
    if (rng.chance(0.5)) {
      contacts.upsert(session, [
        {
          jid,
          lid: null,
          phone: null,
          name: name(rng),
          notify: name(rng),
          verifiedName: rng.chance(0.1) ? name(rng) : null,
        },
      ]);
    }
    if (rng.chance(0.85)) {
      // Whole seconds, as WhatsApp's: many chats share an order key, so ties are exercised.
      const at = 1_700_000_000_000 + rng.int(40) * 1000;
      store.ingest(
        session,
        [message(jid, `m${messageId++}`, at, rng.chance(0.5))],
        rng.chance(0.3) ? 'live' : 'history',
      );
    }
    chats.applyMeta(session, [
      {
        jid,
        name: rng.chance(0.4) ? name(rng) : null,
        archived: rng.chance(0.15) ? true : null,
        pinnedAt: rng.chance(0.1) ? 1_700_000_000_000 + n : null,
        mutedUntil: null,
        unreadCount: rng.chance(0.2) ? 1 + rng.int(5) : null,
      },
    ]);
    for (const [i, tagId] of made.tagIds.entries())
      if (rng.chance([0.4, 0.15, 0.02][i] ?? 0)) taggings.addToChat(session, jid, tagId, ADMIN);
  }
  return made;
}

/** Changes after tagging and indexing: new messages, renames, contact changes, untagging, archive. */
async function churn(rng: Random, made: Made, rounds: number): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    const { session, jid } = rng.pick(made.chats);
    const roll = rng.int(6);
    if (roll === 0)
      store.ingest(session, [message(jid, `c${i}`, 1_700_000_050_000 + rng.int(20) * 1000, false)], 'live');
    else if (roll === 1)
      chats.applyMeta(session, [
        { jid, name: name(rng) ?? 'x', archived: null, pinnedAt: null, mutedUntil: null, unreadCount: null },
      ]);
    else if (roll === 2)
      contacts.upsert(session, [
        { jid, lid: null, phone: null, name: name(rng), notify: name(rng), verifiedName: null },
      ]);
    else if (roll === 3) taggings.removeFromChat(session, jid, rng.pick(made.tagIds), ADMIN);
    else if (roll === 4) await chats.setArchived(session, jid, rng.chance(0.5));
    else db.$client.prepare('DELETE FROM contacts WHERE session_id = ? AND jid = ?').run(session, jid);
  }
}

/** The query the chat list ran before its indexes: every filter a condition, one full sort. */
function naive(options: Omit<ChatListOptions, 'limit' | 'cursor'>, hidden: readonly string[]): string[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (options.sessionId) {
    where.push('c.session_id = @sessionId');
    params.sessionId = options.sessionId;
  } else if (hidden.length) {
    where.push('c.session_id NOT IN (SELECT value FROM json_each(@hidden))');
    params.hidden = JSON.stringify(hidden);
  }
  if (options.unread) where.push('c.unread_count > 0');
  if (options.kind) {
    where.push('c.kind = @kind');
    params.kind = options.kind;
  }
  if (options.pinned !== undefined)
    where.push(options.pinned ? 'c.pinned_at IS NOT NULL' : 'c.pinned_at IS NULL');
  if (options.archived !== undefined) {
    where.push('c.archived = @archived');
    params.archived = options.archived ? 1 : 0;
  }
  if (options.tagId) {
    where.push(
      'EXISTS (SELECT 1 FROM chat_tags t WHERE t.session_id = c.session_id AND t.chat_jid = c.jid AND t.tag_id = @tagId)',
    );
    params.tagId = options.tagId;
  }
  if (options.q) {
    where.push(
      '(c.name LIKE @q OR ct.name LIKE @q OR ct.notify LIKE @q OR ct.verified_name LIKE @q OR c.jid LIKE @q)',
    );
    params.q = `%${options.q.replace(/[%_]/g, '')}%`;
  }
  const rows = db.$client
    .prepare(
      `SELECT c.session_id AS session, c.jid FROM chats c NOT INDEXED
       LEFT JOIN contacts ct ON ct.session_id = c.session_id AND ct.jid = c.jid
       ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY coalesce(c.last_message_at, 0) DESC, c.session_id DESC, c.jid DESC`,
    )
    .all(params) as { session: string; jid: string }[];
  return rows.map((row) => `${row.session}/${row.jid}`);
}

/** Every page of `list`, followed through its cursors. */
function allPages(
  list: ChatList,
  options: Omit<ChatListOptions, 'limit' | 'cursor'>,
  limit: number,
): string[] {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page += 1) {
    const answer = list.list({ ...options, limit, cursor });
    expect(answer.items.length).toBeLessThanOrEqual(limit);
    seen.push(...answer.items.map((chat) => `${chat.session}/${chat.jid}`));
    if (!answer.next) return seen;
    cursor = answer.next;
  }
  throw new Error('the list never ended');
}

function randomFilter(rng: Random, made: Made): Omit<ChatListOptions, 'limit' | 'cursor'> {
  const filter: Omit<ChatListOptions, 'limit' | 'cursor'> = {};
  if (rng.chance(0.5)) filter.sessionId = rng.pick(SESSIONS);
  if (rng.chance(0.4)) filter.unread = true;
  if (rng.chance(0.3)) filter.kind = rng.pick(['user', 'group'] as const);
  if (rng.chance(0.4)) filter.archived = rng.chance(0.5);
  if (rng.chance(0.25)) filter.pinned = rng.chance(0.5);
  if (rng.chance(0.4)) filter.tagId = rng.pick(made.tagIds);
  if (rng.chance(0.5)) {
    // Substrings of real names (short and long, any case), digits of numbers, LIKE wildcards.
    filter.q = rng.pick([
      'an',
      'AN',
      'dan',
      'Dan na',
      'иван',
      'Иван',
      'ова',
      'דן',
      'דןנה',
      'ß',
      'é',
      'zz',
      'zzKa',
      'ka',
      '972',
      '9725000',
      '0001',
      'g.us',
      '%an',
      'a_n',
      '%',
      '_',
      'nobody',
      'ро',
      'Lina',
      'nana',
    ]);
  }
  return filter;
}

describe('chat list equals the naive query', () => {
  for (const seed of [1, 2, 3]) {
    it(`for random filter combinations, every page size and every walk (seed ${seed})`, async () => {
      const rng = createRandom(seed);
      const made = build(rng, 400);
      await churn(rng, made, 300);
      // A tiny candidate limit sends common names down the walk of the list order; the
      // default one takes the trigram candidates: both must give the same answer.
      const lists = [new ChatList(db.$client), new ChatList(db.$client, () => [], 3)];
      for (let round = 0; round < 150; round += 1) {
        const filter = randomFilter(rng, made);
        const expected = naive(filter, []);
        const limit = 1 + rng.int(40);
        for (const list of lists)
          expect(allPages(list, filter, limit), JSON.stringify(filter)).toEqual(expected);
      }
    });
  }

  it('leaves out hidden sessions across sessions, and shows them when asked for one', () => {
    const rng = createRandom(9);
    const made = build(rng, 120);
    const list = new ChatList(db.$client, () => ['s2']);
    for (const filter of [
      {},
      { unread: true },
      { tagId: made.tagIds[0] },
      { q: 'an' },
      { sessionId: 's2' },
    ]) {
      expect(allPages(list, filter, 7)).toEqual(naive(filter, filter.sessionId ? [] : ['s2']));
    }
  });

  it('finds a chat by a name given after it was listed, and no longer by the old one', () => {
    const jid = '972501234567@s.whatsapp.net';
    store.ingest('s1', [message(jid, 'a', 1000, false)], 'live');
    const list = new ChatList(db.$client);
    const find = (q: string) => list.list({ q, limit: 10 }).items.map((chat) => chat.jid);
    expect(find('Rosalind')).toEqual([]);
    contacts.upsert('s1', [
      { jid, lid: null, phone: null, name: 'Rosalind Franklin', notify: null, verifiedName: null },
    ]);
    expect(find('rosalind')).toEqual([jid]);
    contacts.upsert('s1', [{ jid, lid: null, phone: null, name: 'Ada', notify: null, verifiedName: null }]);
    expect(find('Rosalind')).toEqual([]);
    expect(find('ada')).toEqual([jid]);
    expect(find('12345')).toEqual([jid]);
  });

  it('answers a name filter holding a NUL with no chats, not an FTS syntax error (found by the fuzzer)', () => {
    const jid = '972501234567@s.whatsapp.net';
    store.ingest('s1', [message(jid, 'a', 1000, false)], 'live');
    contacts.upsert('s1', [
      { jid, lid: null, phone: null, name: 'Ada Lovelace', notify: null, verifiedName: null },
    ]);
    const list = new ChatList(db.$client);
    expect(list.list({ q: 'Ada\0 Love', limit: 10 }).items).toEqual([]);
    expect(list.list({ q: 'a\0b', limit: 10 }).items).toEqual([]);
    expect(list.list({ q: 'Ada Love', limit: 10 }).items.map((chat) => chat.jid)).toEqual([jid]);
  });
});
