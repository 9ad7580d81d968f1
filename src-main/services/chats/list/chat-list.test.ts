/**
 * The chat list answers exactly what the plain query it replaced answered (same chats, same
 * order, across pages), whichever index it walks: random chats, names, contacts, tags, states
 * and assignments, changed through the real services (so the triggers that keep the indexes are
 * part of the test), compared with a naive query for random filter combinations
 * (testkit/support/chat-list-world.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  allPages,
  ChatListWorld,
  message,
  randomFilter,
} from '../../../../testkit/support/chat-list-world.js';
import { createRandom } from '../../../../testkit/support/random.js';
import { ChatList } from './chat-list.js';

let world: ChatListWorld;

beforeEach(() => {
  world = new ChatListWorld();
});

afterEach(() => {
  world.close();
});

describe('chat list equals the naive query', () => {
  for (const seed of [1, 2, 3]) {
    it(`for random filter combinations, every page size and every walk (seed ${seed})`, async () => {
      const rng = createRandom(seed);
      const made = world.build(rng, 400);
      await world.churn(rng, made, 300);
      // A tiny candidate limit sends common names down the walk of the list order; the
      // default one takes the trigram candidates; a probe of 4 hits estimates the rest from
      // them (name-candidates.ts) and reads on or walks: all must give the same answer.
      const lists = [
        new ChatList(world.db.$client),
        new ChatList(world.db.$client, () => [], 3),
        new ChatList(world.db.$client, () => [], 40, 4),
      ];
      for (let round = 0; round < 150; round += 1) {
        const filter = randomFilter(rng, made);
        const expected = world.naive(filter, []);
        const limit = 1 + rng.int(40);
        for (const list of lists)
          expect(allPages(list, filter, limit), JSON.stringify(filter)).toEqual(expected);
      }
    });
  }

  it('leaves out hidden sessions across sessions, and shows them when asked for one', () => {
    const rng = createRandom(9);
    const made = world.build(rng, 120);
    const list = new ChatList(world.db.$client, () => ['s2']);
    for (const filter of [
      {},
      { unread: true },
      { tagId: made.tagIds[0] },
      { q: 'an' },
      { sessionId: 's2' },
    ]) {
      expect(allPages(list, filter, 7)).toEqual(world.naive(filter, filter.sessionId ? [] : ['s2']));
    }
  });

  it('finds a chat by a name given after it was listed, and no longer by the old one', () => {
    const jid = '972501234567@s.whatsapp.net';
    world.store.ingest('s1', [message(jid, 'a', 1000, false)], 'live');
    const list = new ChatList(world.db.$client);
    const find = (q: string) => list.list({ q, limit: 10 }).items.map((chat) => chat.jid);
    expect(find('Rosalind')).toEqual([]);
    world.contacts.upsert('s1', [
      { jid, lid: null, phone: null, name: 'Rosalind Franklin', notify: null, verifiedName: null },
    ]);
    expect(find('rosalind')).toEqual([jid]);
    world.contacts.upsert('s1', [
      { jid, lid: null, phone: null, name: 'Ada', notify: null, verifiedName: null },
    ]);
    expect(find('Rosalind')).toEqual([]);
    expect(find('ada')).toEqual([jid]);
    expect(find('12345')).toEqual([jid]);
  });

  it('answers a name filter holding a NUL with no chats, not an FTS syntax error (found by the fuzzer)', () => {
    const jid = '972501234567@s.whatsapp.net';
    world.store.ingest('s1', [message(jid, 'a', 1000, false)], 'live');
    world.contacts.upsert('s1', [
      { jid, lid: null, phone: null, name: 'Ada Lovelace', notify: null, verifiedName: null },
    ]);
    const list = new ChatList(world.db.$client);
    expect(list.list({ q: 'Ada\0 Love', limit: 10 }).items).toEqual([]);
    expect(list.list({ q: 'a\0b', limit: 10 }).items).toEqual([]);
    expect(list.list({ q: 'Ada Love', limit: 10 }).items.map((chat) => chat.jid)).toEqual([jid]);
  });
});

describe('a name of one or two characters', () => {
  it('is found anywhere in a name or number, also at the very end, through the trigram index', () => {
    const jid = '972501234567@s.whatsapp.net';
    world.store.ingest('s1', [message(jid, 'a', 1000, false)], 'live');
    world.contacts.upsert('s1', [
      { jid, lid: null, phone: null, name: 'Noa Q', notify: null, verifiedName: null },
    ]);
    const list = new ChatList(world.db.$client);
    const find = (q: string) => list.list({ q, limit: 10 }).items.map((chat) => chat.jid);
    // The last characters of the contact's name and of the JID (the end of the index document).
    for (const q of ['q', 'Q', ' q', 'a ', 'et', 't', 'N', '7@', '@']) expect(find(q), q).toEqual([jid]);
    for (const q of ['qq', 'z', 'tt', 'ב']) expect(find(q), q).toEqual([]);
    // A candidate key the LIKE keeps only when the chat still has the text (after a rename).
    world.contacts.upsert('s1', [
      { jid, lid: null, phone: null, name: 'Dana', notify: null, verifiedName: null },
    ]);
    expect(find('Q')).toEqual([]);
    expect(find('da')).toEqual([jid]);
  });
});
