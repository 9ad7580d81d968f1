import { describe, expect, it } from 'vitest';
import { buildRows } from './day-rows';
import { buildRowsCached, createRowCache } from './row-cache';
import { firstUnread, withUnreadDivider } from './unread';

interface Item {
  key: string;
  id: string;
  timestamp: string;
  fromMe: boolean;
  sender: string | null;
}

const PAGE = 50;
const now = new Date('2026-03-10T12:00:00Z');

/** A small deterministic generator, so a failing history can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A history oldest first: runs of one sender, several messages a day and whole days skipped,
 * now and then a clock-skewed message from an earlier day (it repeats that day's separator).
 */
function history(seed: number, length: number): Item[] {
  const next = random(seed);
  let at = Date.parse('2025-11-01T06:00:00Z');
  const senders = ['a@s.whatsapp.net', 'b@s.whatsapp.net', null];
  let sender: string | null = senders[0]!;
  let fromMe = false;
  const items: Item[] = [];
  for (let i = 0; i < length; i++) {
    at += next() < 0.1 ? Math.floor(next() * 3 * 86_400_000) : Math.floor(next() * 3_600_000);
    if (next() < 0.35) {
      fromMe = next() < 0.4;
      sender = fromMe ? null : senders[Math.floor(next() * senders.length)]!;
    }
    const skewed = next() < 0.02 ? at - 2 * 86_400_000 : at;
    const id = `m${i}`;
    items.push({ key: id, id, timestamp: new Date(skewed).toISOString(), fromMe, sender });
  }
  return items;
}

/** What the conversation shows for `loaded`, built the whole-history way. */
function reference(
  loaded: Item[],
  isGroup: boolean,
  hasOlder: boolean,
  unread: ReturnType<typeof firstUnread>,
) {
  const options = { isGroup, startsHistory: !hasOlder, now, locale: 'en-GB', timeZone: 'Asia/Jerusalem' };
  return withUnreadDivider(buildRows(loaded, options), unread);
}

describe('conversation rows built per page', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`equal the whole-history rows page after page (history ${seed})`, () => {
      const next = random(seed * 7919);
      const all = history(seed, 420 + Math.floor(next() * 200));
      const isGroup = seed % 2 === 0;
      const cache = createRowCache<Item>();
      const options = (hasOlder: boolean) => ({
        isGroup,
        startsHistory: !hasOlder,
        now,
        locale: 'en-GB',
        timeZone: 'Asia/Jerusalem',
      });
      // Opened at the newest page; the unread part may reach above it (more unread than loaded).
      let start = all.length - PAGE;
      const unread = firstUnread(all.slice(start), Math.floor(next() * PAGE * 1.5));
      while (true) {
        const loaded = all.slice(start);
        const hasOlder = start > 0;
        const before = cache.built;
        const rows = withUnreadDivider(buildRowsCached(loaded, options(hasOlder), cache), unread);
        expect(rows).toEqual(reference(loaded, isGroup, hasOlder, unread));
        // A page builds its own rows (a message and at most a separator each) and the seam's.
        if (start < all.length - PAGE) expect(cache.built - before).toBeLessThanOrEqual(2 * (PAGE + 1));
        if (!hasOlder) break;
        start = Math.max(0, start - PAGE);
      }
      // The whole history built once, not once per page.
      expect(cache.built).toBeLessThanOrEqual(2 * all.length + 2 * Math.ceil(all.length / PAGE));
    });
  }

  it('follows new messages at the end and an updated message in the middle', () => {
    const all = history(42, 200);
    const cache = createRowCache<Item>();
    const options = { isGroup: true, startsHistory: false, now, locale: 'en-GB', timeZone: 'UTC' };
    let loaded = all.slice(0, 150);
    buildRowsCached(loaded, options, cache);
    // Live messages arrive one by one: each costs its own rows.
    for (const item of all.slice(150)) {
      loaded = [...loaded, item];
      const before = cache.built;
      expect(buildRowsCached(loaded, options, cache)).toEqual(buildRows(loaded, options));
      expect(cache.built - before).toBeLessThanOrEqual(2);
    }
    // A receipt replaces one message object (and a new sender starts a run): it and its follower.
    const changed = { ...loaded[80]!, fromMe: !loaded[80]!.fromMe, sender: 'c@s.whatsapp.net' };
    loaded = [...loaded.slice(0, 80), changed, ...loaded.slice(81)];
    const before = cache.built;
    expect(buildRowsCached(loaded, options, cache)).toEqual(buildRows(loaded, options));
    expect(cache.built - before).toBeLessThanOrEqual(4);
    // A message taken away (deleted for everyone and dropped) joins its neighbours.
    loaded = [...loaded.slice(0, 40), ...loaded.slice(41)];
    expect(buildRowsCached(loaded, options, cache)).toEqual(buildRows(loaded, options));
  });

  it('starts again when the labels would change: another language, or a new day', () => {
    const all = history(9, 120);
    const cache = createRowCache<Item>();
    const base = { isGroup: false, startsHistory: true, now, timeZone: 'UTC' };
    buildRowsCached(all, { ...base, locale: 'en-GB' }, cache);
    const german = { ...base, locale: 'de' };
    expect(buildRowsCached(all, german, cache)).toEqual(buildRows(all, german));
    const tomorrow = { ...german, now: new Date('2026-03-11T12:00:00Z') };
    expect(buildRowsCached(all, tomorrow, cache)).toEqual(buildRows(all, tomorrow));
  });
});
