import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { formatBytes } from './format';
import { english } from './messages/en';

describe('formatBytes', () => {
  it('says bytes in words, in the plural where the language has one, and larger sizes by unit', () => {
    const intl = (locale: string) => createIntl({ locale, messages: english });
    expect(formatBytes(23, intl('en'))).toBe('23 bytes');
    expect(formatBytes(1, intl('en'))).toBe('1 byte');
    expect(formatBytes(23, intl('de'))).toBe('23 Byte');
    expect(formatBytes(1536, intl('en'))).toBe('1.5 kB');
  });
});
