import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../services/messages/history-queries.js';
import { prefixFreeForms, withPrefixFreeForms } from './search-prefixes.js';
import { indexedText } from './search-text.js';

describe('prefix-free forms of Hebrew and Arabic words', () => {
  it('strips the Hebrew one-letter prefixes, stacked up to three', () => {
    expect(prefixFreeForms('העוגה')).toEqual(['עוגה']);
    expect(prefixFreeForms('לעוגה')).toEqual(['עוגה']);
    expect(prefixFreeForms('ולעוגה')).toEqual(['לעוגה', 'עוגה']);
    expect(prefixFreeForms('ושהבית')).toEqual(['שהבית', 'הבית', 'בית']);
    // A word that does not start with a prefix letter, or would be left too short, keeps its form.
    expect(prefixFreeForms('עוגה')).toEqual([]);
    expect(prefixFreeForms('הם')).toEqual([]);
  });

  it('strips the Arabic conjunctions, prepositions and article, and ل + ال written لل', () => {
    expect(prefixFreeForms('الكتاب')).toEqual(['كتاب']);
    expect(prefixFreeForms('وبالكتاب')).toEqual(['بالكتاب', 'الكتاب', 'كتاب']);
    expect(prefixFreeForms('للكتاب')).toEqual(['لكتاب', 'كتاب']);
    // By spelling, not by dictionary: ك can be "like", so كتاب also indexes تاب.
    expect(prefixFreeForms('كتاب')).toEqual(['تاب']);
    expect(prefixFreeForms('من')).toEqual([]);
  });

  it('puts the forms right after their word and leaves other scripts alone', () => {
    expect(withPrefixFreeForms('קניתי את העוגה, thanks')).toBe('קניתי את העוגה עוגה, thanks');
    expect(withPrefixFreeForms('Hello café 123')).toBe('Hello café 123');
    expect(indexedText('我们 והבית')).toMatch(/我\s+们\s+והבית הבית בית/);
  });

  it('makes Hebrew and Arabic phrases a NEAR group, other phrases stay exact', () => {
    expect(toFtsQuery('"עוגה טעימה"')).toBe('NEAR("עוגה" "טעימה", 7)');
    expect(toFtsQuery('"fresh bread"')).toBe('"fresh bread"');
    expect(toFtsQuery('"עוגה"')).toBe('"עוגה"');
  });
});
