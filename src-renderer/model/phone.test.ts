import { describe, expect, it } from 'vitest';
import { countryOf, formatPhone, parseTypedPhone } from './phone';

describe('phone numbers', () => {
  it('shows WhatsApp digits the way people write international numbers', () => {
    expect(formatPhone('447700900999')).toBe('+44 7700 900999');
    expect(formatPhone('972504441101')).toBe('+972 50 444 1101');
    expect(formatPhone(null)).toBeNull();
  });

  it('reads a number typed in any common format', () => {
    const uk = { digits: '447700900999', display: '+44 7700 900999' };
    expect(parseTypedPhone('+44 7700 900999')).toEqual(uk);
    expect(parseTypedPhone('(0044) 7700-900999')).toEqual(uk);
    expect(parseTypedPhone('0044 7700 900999', 'IL')).toEqual(uk);
    expect(parseTypedPhone('07700 900999', 'GB')).toEqual(uk);
    expect(parseTypedPhone('050-444-1101', 'IL')?.digits).toBe('972504441101');
    expect(parseTypedPhone('972504441101', 'IL')?.digits).toBe('972504441101');
  });

  it('refuses what cannot be a number', () => {
    expect(parseTypedPhone('cake')).toBeNull();
    expect(parseTypedPhone('12')).toBeNull();
    expect(parseTypedPhone('Dana 050')).toBeNull();
  });

  it('knows the country of the linked phone, to read local numbers', () => {
    expect(countryOf('972504441101')).toBe('IL');
    expect(countryOf(null)).toBeUndefined();
  });
});
