import { describe, expect, it } from 'vitest';
import { localParts } from '../../../../src-shared/zoned-time.js';
import { isoDate, localClock } from './local-clock.js';

/** The clock works from the offsets at UTC midnights; it must agree with Intl at every quarter. */
describe('localClock', () => {
  // Every 75 minutes: each quarter of the hour in turn, a few times around every change.
  const STEP = 75 * 60_000;
  // A year and a little across DST changes, in zones with whole, half and three-quarter hours.
  const from = Date.UTC(2026, 0, 1);
  const to = Date.UTC(2027, 1, 1);
  for (const zone of [
    'Europe/Lisbon',
    'America/Sao_Paulo',
    'Asia/Jerusalem',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
    'America/St_Johns',
    'UTC',
  ]) {
    it(`agrees with Intl across a year in ${zone}`, () => {
      const clock = localClock(zone);
      const wrong: string[] = [];
      for (let at = from; at < to; at += STEP) {
        const p = localParts(at + 7 * 60_000, zone);
        const expected = { date: isoDate(p), weekday: (p.weekday + 6) % 7, hour: p.hour };
        const slot = clock(at + 7 * 60_000);
        if (JSON.stringify(slot) !== JSON.stringify(expected)) wrong.push(new Date(at).toISOString());
      }
      expect(wrong).toEqual([]);
    }, 30_000);
  }
});
