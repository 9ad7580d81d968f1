import { describe, expect, it } from 'vitest';
import english from 'emojibase-data/en/compact.json';
import german from 'emojibase-data/de/compact.json';
import {
  addRecent,
  buildEmojiList,
  RECENT_LIMIT,
  searchEmoji,
  withSkinTone,
  type CompactEmoji,
} from './emoji-model';

const englishList = buildEmojiList(english as CompactEmoji[], english as CompactEmoji[]);
const germanList = buildEmojiList(german as CompactEmoji[], english as CompactEmoji[]);
const find = (unicode: string) => englishList.find((emoji) => emoji.unicode === unicode)!;

describe('emoji list', () => {
  it('offers every category but the bare components, in emojibase order', () => {
    expect(englishList.length).toBeGreaterThan(1800);
    expect(englishList.some((emoji) => emoji.group === 2)).toBe(false);
    expect(englishList[0]!.unicode).toBe('😀');
    expect(englishList.some((emoji) => emoji.unicode === '🇮🇱')).toBe(true);
  });

  it('names emoji in the user language and finds them in it and in English', () => {
    const heart = germanList.find((emoji) => emoji.hexcode === '2764')!;
    expect(heart.label).toMatch(/Herz/);
    expect(searchEmoji(germanList, 'herz').map((emoji) => emoji.hexcode)).toContain('2764');
    expect(searchEmoji(germanList, 'heart').map((emoji) => emoji.hexcode)).toContain('2764');
  });
});

describe('search', () => {
  it('matches word starts, every word of the query', () => {
    const found = searchEmoji(englishList, 'red hea').map((emoji) => emoji.unicode);
    expect(found).toContain('❤️');
    expect(found).not.toContain('💙');
    // The emoji named so comes before one merely tagged so (the brown mushroom is a "pizza" topping).
    expect(searchEmoji(englishList, 'pizz').map((emoji) => emoji.unicode)).toEqual(['🍕', '🍄‍🟫']);
    // Not in the middle of a word: "art" does not find every "heart".
    expect(searchEmoji(englishList, 'art').map((emoji) => emoji.unicode)).not.toContain('❤️');
  });

  it('an empty query is the whole list; nonsense finds nothing', () => {
    expect(searchEmoji(englishList, '   ')).toHaveLength(englishList.length);
    expect(searchEmoji(englishList, 'qwxzqwxz')).toEqual([]);
  });
});

describe('skin tones', () => {
  it('gives the variant in the chosen tone, or the emoji itself', () => {
    expect(withSkinTone(find('👋'), 0)).toBe('👋');
    expect(withSkinTone(find('👋'), 1)).toBe('👋🏻');
    expect(withSkinTone(find('👋'), 5)).toBe('👋🏿');
    expect(withSkinTone(find('🍕'), 3)).toBe('🍕');
  });

  it('gives both people of a pair the same tone', () => {
    const pair = englishList.find((emoji) => emoji.hexcode === '1F9D1-200D-1F91D-200D-1F9D1')!;
    expect(withSkinTone(pair, 2)).toBe('🧑🏼‍🤝‍🧑🏼');
  });
});

describe('recently used', () => {
  it('puts the latest first, once, and keeps at most the limit', () => {
    expect(addRecent(['😀', '👍'], '👍')).toEqual(['👍', '😀']);
    const many = Array.from({ length: RECENT_LIMIT }, (_, index) => String(index));
    const next = addRecent(many, '🎉');
    expect(next).toHaveLength(RECENT_LIMIT);
    expect(next[0]).toBe('🎉');
    expect(next).not.toContain(String(RECENT_LIMIT - 1));
  });
});
