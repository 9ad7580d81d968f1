import { describe, expect, it } from 'vitest';
import { localClock, localDayOfQuarter, offsetSegments } from './local-clock.js';

const QUARTER = 900_000;

describe('offsetSegments', () => {
  // Every quarter's local day by the segments equals the one Intl gives (localClock), over a year
  // with both DST changes, in zones ahead of and behind UTC and one with a 45-minute offset.
  for (const zone of [
    'Europe/Lisbon',
    'America/Sao_Paulo',
    'America/New_York',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'UTC',
  ]) {
    it(`puts every quarter of a year in its local day and hour in ${zone}`, () => {
      const from = Date.UTC(2026, 0, 1, 7, 15) / QUARTER;
      const to = from + 366 * 96;
      const segments = offsetSegments(zone, from, to)!;
      expect(segments[0]![0]).toBe(from);
      expect(segments.at(-1)![1]).toBe(to);
      const clock = localClock(zone);
      for (let q = from; q < to; q += 7) {
        const slot = clock(q * QUARTER);
        const day = localDayOfQuarter(segments, q);
        expect(new Date(day * 86_400_000).toISOString().slice(0, 10)).toBe(slot.date);
        const segment = segments.find(([a, b]) => q >= a && q < b)!;
        expect(Math.floor((q + segment[2]) / 4) % 24).toBe(slot.hour);
      }
    });
  }
});
