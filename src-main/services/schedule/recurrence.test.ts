import { describe, expect, it } from 'vitest';
import { nextCronTime, parseCron } from './cron.js';
import { anchorOf, nextOccurrence } from './recurrence.js';
import { localParts, zonedInstant } from '../../../src-shared/zoned-time.js';

const at = (iso: string) => Date.parse(iso);
const utc = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('wall-clock time in a zone', () => {
  it('maps local times to instants, moving a time skipped by DST forward', () => {
    expect(utc(zonedInstant('Europe/Berlin', 2026, 1, 15, 9, 0))).toBe('2026-01-15T08:00:00.000Z');
    expect(utc(zonedInstant('Europe/Berlin', 2026, 7, 15, 9, 0))).toBe('2026-07-15T07:00:00.000Z');
    // 29 March 2026: Berlin jumps from 02:00 to 03:00; 02:30 does not exist.
    expect(utc(zonedInstant('Europe/Berlin', 2026, 3, 29, 2, 30))).toBe('2026-03-29T01:30:00.000Z');
    // 25 October 2026: 02:30 happens twice; the first one is taken.
    expect(utc(zonedInstant('Europe/Berlin', 2026, 10, 25, 2, 30))).toBe('2026-10-25T00:30:00.000Z');
    expect(localParts(at('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toMatchObject({ hour: 3, minute: 30 });
  });
});

describe('daily, weekly, monthly', () => {
  it('daily keeps 09:00 local across the spring-forward night', () => {
    const first = at('2026-03-28T08:00:00Z'); // 09:00 in Berlin (UTC+1)
    const next = nextOccurrence(
      { kind: 'daily', anchor: anchorOf(first, 'Europe/Berlin') },
      first,
      'Europe/Berlin',
    );
    expect(utc(next)).toBe('2026-03-29T07:00:00.000Z'); // 09:00 in Berlin (UTC+2)
  });

  it('weekly keeps 18:30 local across the fall-back night (New York)', () => {
    const first = at('2026-10-27T22:30:00Z'); // Tue 18:30 EDT
    const next = nextOccurrence({ kind: 'weekly' }, first, 'America/New_York');
    expect(utc(next)).toBe('2026-11-03T23:30:00.000Z'); // Tue 18:30 EST
  });

  it('a daily time inside the DST gap runs after the gap that day and at the usual time the next', () => {
    const zone = 'Europe/Berlin';
    const first = at('2026-03-28T01:30:00Z'); // 02:30 local
    const anchor = anchorOf(first, zone);
    const onChangeDay = nextOccurrence({ kind: 'daily', anchor }, first, zone)!;
    expect(localParts(onChangeDay, zone)).toMatchObject({ day: 29, hour: 3, minute: 30 });
    const dayAfter = nextOccurrence({ kind: 'daily', anchor }, onChangeDay, zone)!;
    expect(localParts(dayAfter, zone)).toMatchObject({ day: 30, hour: 2, minute: 30 });
  });

  it('monthly on the 31st uses the last day of shorter months and returns to the 31st', () => {
    const zone = 'Asia/Jerusalem';
    const first = zonedInstant(zone, 2026, 1, 31, 10, 0);
    const anchor = anchorOf(first, zone);
    const feb = nextOccurrence({ kind: 'monthly', anchor }, first, zone)!;
    expect(localParts(feb, zone)).toMatchObject({ month: 2, day: 28, hour: 10 });
    const mar = nextOccurrence({ kind: 'monthly', anchor }, feb, zone)!;
    expect(localParts(mar, zone)).toMatchObject({ month: 3, day: 31, hour: 10 });
  });

  it('skips occurrences that are already past (after a long stop)', () => {
    const first = at('2026-01-01T09:00:00Z');
    const next = nextOccurrence({ kind: 'daily' }, first, 'UTC', at('2026-01-10T12:00:00Z'));
    expect(utc(next)).toBe('2026-01-11T09:00:00.000Z');
  });
});

describe('cron', () => {
  it('parses lists, ranges, steps and names', () => {
    const spec = parseCron('*/15 9-17 * JAN,mar MON-FRI');
    expect([...spec.minutes]).toEqual([0, 15, 30, 45]);
    expect([...spec.hours]).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect([...spec.months]).toEqual([1, 3]);
    expect([...spec.daysOfWeek]).toEqual([1, 2, 3, 4, 5]);
    expect([...parseCron('0 0 * * 7').daysOfWeek]).toEqual([0]);
    expect([...parseCron('5,10-12/2 * * * *').minutes]).toEqual([5, 10, 12]);
  });

  it('rejects bad expressions naming the problem', () => {
    expect(() => parseCron('* * * *')).toThrow(/five fields/);
    expect(() => parseCron('60 * * * *')).toThrow(/minute must be between 0 and 59/);
    expect(() => parseCron('* * * * FUNDAY')).toThrow(/not a valid day of week/);
    expect(() => parseCron('5-1 * * * *')).toThrow(/backwards/);
    expect(() => parseCron('*/0 * * * *')).toThrow(/step/);
  });

  it('finds the next matching minute in the zone', () => {
    const spec = parseCron('0 9 * * MON');
    // Friday 2026-01-02 12:00 UTC → Monday 2026-01-05 09:00 Tokyo = 00:00 UTC
    expect(utc(nextCronTime(spec, at('2026-01-02T12:00:00Z'), 'Asia/Tokyo'))).toBe(
      '2026-01-05T00:00:00.000Z',
    );
    expect(utc(nextCronTime(parseCron('* * * * *'), at('2026-01-02T12:00:30Z'), 'UTC'))).toBe(
      '2026-01-02T12:01:00.000Z',
    );
  });

  it('day-of-month OR day-of-week when both are restricted', () => {
    const spec = parseCron('0 8 13 * FRI');
    const first = nextCronTime(spec, at('2026-02-01T00:00:00Z'), 'UTC');
    expect(utc(first)).toBe('2026-02-06T08:00:00.000Z'); // a Friday before the 13th
  });

  it('keeps 09:00 local across DST and skips a time that does not exist that night', () => {
    const zone = 'Europe/Berlin';
    const daily = parseCron('0 9 * * *');
    expect(utc(nextCronTime(daily, at('2026-03-28T09:00:00Z'), zone))).toBe('2026-03-29T07:00:00.000Z');
    const inGap = parseCron('30 2 * * *');
    const next = nextCronTime(inGap, at('2026-03-28T12:00:00Z'), zone)!;
    expect(localParts(next, zone)).toMatchObject({ day: 30, hour: 2, minute: 30 });
  });

  it('a repeating schedule with a cron rule follows it', () => {
    const next = nextOccurrence(
      { kind: 'cron', expression: '0 12 1 * *' },
      at('2026-05-01T12:00:00Z'),
      'UTC',
    );
    expect(utc(next)).toBe('2026-06-01T12:00:00.000Z');
  });
});
