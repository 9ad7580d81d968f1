import { describe, expect, it } from 'vitest';
import { checkContact, checkLocation, checkPoll, parseCoordinate, pollBoxes } from './share-forms';

const to = '447700900999@s.whatsapp.net';

describe('location form', () => {
  it('reads coordinates typed with a dot or a decimal comma', () => {
    expect(parseCoordinate(' 32.0853 ')).toBe(32.0853);
    expect(parseCoordinate('-34,6037')).toBe(-34.6037);
    expect(parseCoordinate('32°N')).toBeNull();
  });

  it('sends a place with its name and address', () => {
    expect(
      checkLocation(to, { latitude: '32.0853', longitude: '34,7818', name: ' Bakery ', address: '' }),
    ).toEqual({
      ok: true,
      input: { type: 'location', to, latitude: 32.0853, longitude: 34.7818, name: 'Bakery' },
    });
  });

  it('names each field that is missing or out of range', () => {
    const checked = checkLocation(to, { latitude: '91', longitude: '', name: '', address: 'x'.repeat(513) });
    expect(checked).toEqual({
      ok: false,
      problems: {
        latitude: { id: 'inbox-share.error.latitude' },
        longitude: { id: 'inbox-share.error.required' },
        address: { id: 'inbox-share.error.tooLong', values: { max: 512 } },
      },
    });
  });
});

describe('contact card form', () => {
  it('sends a card with the number in international form', () => {
    expect(checkContact(to, { name: 'Dana Levi', phone: '050-123 4567' }, 'IL')).toEqual({
      ok: true,
      input: { type: 'contact', to, contacts: [{ name: 'Dana Levi', phone: '+972501234567' }] },
    });
  });

  it('refuses a card without a name or with something that is not a number', () => {
    expect(checkContact(to, { name: ' ', phone: 'cake' })).toEqual({
      ok: false,
      problems: { name: { id: 'inbox-share.error.required' }, phone: { id: 'inbox-share.error.phone' } },
    });
  });
});

describe('poll form', () => {
  it('sends the filled options, one answer or several', () => {
    const one = checkPoll(to, {
      question: 'Pickup time?',
      options: ['Morning', '', ' Evening ', ''],
      multiple: false,
    });
    expect(one).toEqual({
      ok: true,
      input: { type: 'poll', to, name: 'Pickup time?', options: ['Morning', 'Evening'], selectableCount: 1 },
    });
    const many = checkPoll(to, { question: 'Toppings?', options: ['Nuts', 'Cream'], multiple: true });
    expect(many.ok && many.input.type === 'poll' && many.input.selectableCount).toBe(0);
  });

  it('needs a question and two different options', () => {
    expect(checkPoll(to, { question: '', options: ['Yes', 'yes ', ''], multiple: false })).toEqual({
      ok: false,
      problems: {
        question: { id: 'inbox-share.error.required' },
        'option.1': { id: 'inbox-share.error.duplicate' },
      },
    });
    expect(checkPoll(to, { question: 'Q', options: ['Only one', ''], multiple: false })).toEqual({
      ok: false,
      problems: { options: { id: 'inbox-share.error.optionsMin', values: { min: 2 } } },
    });
  });

  it('offers one more empty box until twelve options', () => {
    expect(pollBoxes([''])).toEqual(['', '']);
    expect(pollBoxes(['a', 'b'])).toEqual(['a', 'b', '']);
    expect(pollBoxes(['a', '', 'c', ''])).toEqual(['a', '', 'c', '']);
    expect(pollBoxes(Array.from({ length: 12 }, (_, i) => `o${i}`))).toHaveLength(12);
  });
});
