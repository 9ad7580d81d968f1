import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { isGroupJid, normalisePhone, parseJid, phoneOfJid, toJid } from './jid.js';

describe('normalisePhone', () => {
  it.each([
    ['+972 50-123-4567', '972501234567'],
    ['972501234567', '972501234567'],
    ['+1 (415) 555-0100', '14155550100'],
    ['00972501234567', '972501234567'],
    ['  +44 20 7946 0958 ', '442079460958'],
    ['+49.30.123456', '4930123456'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each(['', 'abc', '12345', '+1234567890123456', '050-123-4567', '972-50-123-4567x'])(
    'rejects %j',
    (input) => {
      expect(normalisePhone(input)).toBeNull();
    },
  );
});

describe('toJid', () => {
  it.each([
    ['+972 50-123-4567', '972501234567@s.whatsapp.net'],
    ['972501234567', '972501234567@s.whatsapp.net'],
    ['972501234567@s.whatsapp.net', '972501234567@s.whatsapp.net'],
    ['972501234567:12@s.whatsapp.net', '972501234567@s.whatsapp.net'],
    ['972501234567@c.us', '972501234567@s.whatsapp.net'],
    ['120363025246125486@g.us', '120363025246125486@g.us'],
    ['972501234567-1612345678@g.us', '972501234567-1612345678@g.us'],
    ['123456789012345@lid', '123456789012345@lid'],
    ['120363144038483540@newsletter', '120363144038483540@newsletter'],
    ['972501234567@S.WHATSAPP.NET', '972501234567@s.whatsapp.net'],
  ])('%s → %s', (input, expected) => {
    expect(toJid(input)).toBe(expected);
  });

  it.each(['hello', 'abc@s.whatsapp.net', '123@example.com', '@g.us', '1@2@g.us', '0501234567'])(
    'rejects %j naming the field',
    (input) => {
      let caught: unknown;
      try {
        toJid(input, 'recipient');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe('VALIDATION_FAILED');
      expect((caught as AppError).field).toBe('recipient');
    },
  );
});

describe('parseJid and helpers', () => {
  it('keeps the device index of a linked device', () => {
    expect(parseJid('972501234567:3@s.whatsapp.net')).toEqual({
      user: '972501234567',
      server: 's.whatsapp.net',
      kind: 'user',
      device: 3,
    });
  });

  it('tells groups and phone numbers apart', () => {
    expect(isGroupJid('120363025246125486@g.us')).toBe(true);
    expect(isGroupJid('972501234567@s.whatsapp.net')).toBe(false);
    expect(phoneOfJid('972501234567@s.whatsapp.net')).toBe('972501234567');
    expect(phoneOfJid('123456789012345@lid')).toBeNull();
  });

  it('reads the phone of every spelling of a user JID, not only the stored one', () => {
    expect(phoneOfJid('972501234567:3@s.whatsapp.net')).toBe('972501234567');
    expect(phoneOfJid('972501234567_1:2@S.WhatsApp.Net')).toBe('972501234567');
    expect(phoneOfJid('972501234567@c.us')).toBe('972501234567');
    expect(phoneOfJid('120363025246125486@g.us')).toBeNull();
    expect(phoneOfJid('9725O1234567@s.whatsapp.net')).toBeNull();
    expect(phoneOfJid('972501234567@s.whatsapp.net@s.whatsapp.net')).toBeNull();
    expect(phoneOfJid('@s.whatsapp.net')).toBeNull();
  });
});
