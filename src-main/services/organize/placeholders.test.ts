import { describe, expect, it } from 'vitest';
import { fillPlaceholders, firstName } from './placeholders.js';

describe('fillPlaceholders', () => {
  const dana = { name: 'Dana Cohen', phone: '+972502220000' };

  it('fills [name], [first_name] and [phone], ignoring case', () => {
    expect(fillPlaceholders('Hi [name]! [First_Name], we call [PHONE].', dana)).toBe(
      'Hi Dana Cohen! Dana, we call +972502220000.',
    );
  });

  it('leaves unknown placeholders and other brackets exactly as typed', () => {
    expect(fillPlaceholders('[sic] [1] [order_id] [ name ] [constructor] [name', dana)).toBe(
      '[sic] [1] [order_id] [ name ] [constructor] [name',
    );
  });

  it('falls back to the phone for [name] and to nothing for [first_name] without a name', () => {
    expect(fillPlaceholders('Hi [name] / [first_name].', { name: null, phone: '+15550001' })).toBe(
      'Hi +15550001 / .',
    );
    expect(fillPlaceholders('Hi [name], [phone]', { name: '  ', phone: null })).toBe('Hi , ');
  });

  it('keeps right-to-left names and emoji intact', () => {
    expect(fillPlaceholders('שלום [first_name] 👋', { name: 'דנה כהן', phone: null })).toBe('שלום דנה 👋');
  });

  it('repeats a placeholder as often as it is used', () => {
    expect(fillPlaceholders('[name] [name]', dana)).toBe('Dana Cohen Dana Cohen');
  });
});

describe('firstName', () => {
  it('takes the first word, or null', () => {
    expect(firstName('  Noa   Levi ')).toBe('Noa');
    expect(firstName('')).toBeNull();
    expect(firstName(null)).toBeNull();
  });
});
