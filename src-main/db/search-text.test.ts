import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../services/messages/history-queries.js';
import { searchText } from './search-text.js';

describe('searchText', () => {
  it('makes each character of a script without spaces a word, keeping its marks', () => {
    expect(searchText('明天开门').split(/\s+/).filter(Boolean)).toEqual(['明', '天', '开', '门']);
    // Thai tone marks stay with their letter.
    expect(searchText('เท่า').split(/\s+/).filter(Boolean)).toEqual(['เ', 'ท่', 'า']);
    expect(searchText('iPhone价格').split(/\s+/).filter(Boolean)).toEqual(['iPhone', '价', '格']);
  });

  it('leaves text in spaced scripts exactly as it is', () => {
    for (const text of ['Hello, world', 'שלום עולם', 'Привет', 'مرحبا', '안녕하세요 고객님']) {
      expect(searchText(text)).toBe(text);
    }
  });

  it('is what queries are made of, so a typed word matches the indexed text', () => {
    expect(toFtsQuery('明天 deliv*')).toMatch(/^"明\s+天" "deliv"\*$/);
    expect(toFtsQuery('"价格不变"')).toMatch(/^"价\s+格\s+不\s+变"$/);
  });
});
