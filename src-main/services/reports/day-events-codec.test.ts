import { describe, expect, it } from 'vitest';
import { decodeDayEvents, encodeDayEvents } from './day-events-codec.js';

describe('the kept days’ conversation events as stored', () => {
  it('keeps quarters in a byte and durations in a few, unanswered included, and gives them back', () => {
    // Two first customer messages: one answered in 10 minutes (7 in business hours), one unanswered.
    const incoming = [40, 600_000, 420_000, 95, NaN, NaN];
    const stored = encodeDayEvents(incoming);
    expect(stored.byteLength).toBeLessThanOrEqual(1 + 1 + 3 + 3 + 1 + 1 + 1);
    expect([...decodeDayEvents(stored)]).toEqual(incoming);
    expect(encodeDayEvents([]).byteLength).toBe(0);
    expect([...decodeDayEvents(encodeDayEvents([]))]).toEqual([]);
  });

  it('gives back large, zero, negative and fractional values exactly', () => {
    const large = [0, 2 ** 40, 365 * 86_400_000, Number.MAX_SAFE_INTEGER - 1];
    expect([...decodeDayEvents(encodeDayEvents(large))]).toEqual(large);
    const odd = [3, -5, 1.5, NaN];
    expect([...decodeDayEvents(encodeDayEvents(odd))]).toEqual(odd);
  });

  it('refuses a damaged value rather than reading wrong durations', () => {
    expect(() => decodeDayEvents(Buffer.from([1, 0x80]))).toThrow(/truncated/);
    expect(() => decodeDayEvents(Buffer.from([7, 1]))).toThrow(/unknown form/);
  });
});
