import { describe, expect, it } from 'vitest';
import { readContacts, readLocation, readPoll, vcardPhones, votePercent } from './content';

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

  it('reads a poll without a tally as having no votes', () => {
    expect(
      readPoll({ content: { name: 'Lunch?', options: ['Pizza', 'Sushi', 3], selectableCount: 1 } }),
    ).toEqual({
      name: 'Lunch?',
      options: [
        { name: 'Pizza', votes: 0, voters: [] },
        { name: 'Sushi', votes: 0, voters: [] },
      ],
      selectableCount: 1,
      totalVoters: 0,
    });
    expect(readPoll({ content: null })).toBeNull();
  });

  it("prefers the core's tally and sizes each bar by the share of voters", () => {
    const poll = {
      name: 'Lunch?',
      selectableCount: 0,
      options: [
        { name: 'Pizza', votes: 2, voters: ['a', 'b'] },
        { name: 'Sushi', votes: 1, voters: ['b'] },
      ],
      totalVoters: 2,
    };
    expect(readPoll({ content: { name: 'Lunch?', options: ['Pizza', 'Sushi'] }, poll })).toBe(poll);
    expect(votePercent(2, 2)).toBe(100);
    expect(votePercent(1, 3)).toBe(33);
    expect(votePercent(0, 0)).toBe(0);
  });
});
