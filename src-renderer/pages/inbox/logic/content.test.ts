import { describe, expect, it } from 'vitest';
import { readContacts, readLocation, readPoll, vcardPhones } from './content';

describe('message content', () => {
  it('reads a location', () => {
    expect(
      readLocation({ latitude: 32.08, longitude: 34.78, name: 'Shop', address: null, live: false }),
    ).toEqual({
      latitude: 32.08,
      longitude: 34.78,
      name: 'Shop',
      address: null,
      live: false,
    });
    expect(readLocation({ name: 'x' })).toBeNull();
  });

  it('reads contact cards with their WhatsApp numbers', () => {
    const vcard =
      'BEGIN:VCARD\nVERSION:3.0\nFN:Dana Levi\nitem1.TEL;waid=972501234567:+972 50-123-4567\nTEL:+1 555 0100\nEND:VCARD';
    expect(vcardPhones(vcard)).toEqual(['+972501234567', '+1 555 0100']);
    expect(readContacts({ contacts: [{ displayName: '', vcard }] })).toEqual([
      { name: 'Dana Levi', phones: ['+972501234567', '+1 555 0100'] },
    ]);
    expect(readContacts(null)).toEqual([]);
  });

  it('reads a poll', () => {
    expect(readPoll({ name: 'Lunch?', options: ['Pizza', 'Sushi', 3], selectableCount: 1 })).toEqual({
      name: 'Lunch?',
      options: ['Pizza', 'Sushi'],
      selectableCount: 1,
    });
  });
});
