import { describe, expect, it } from 'vitest';
import {
  availableOperators,
  hasNoHours,
  isWithinHours,
  nextOpening,
  secondsOfDay,
  zonedClock,
  type WeeklyHours,
} from './widget-hours.js';

// Reference week: Monday 2025-06-02 … Sunday 2025-06-08 (no DST changes that week anywhere used here).
const at = (iso: string) => new Date(iso);
const schedule = (timeZone: string, ...hours: WeeklyHours[]) => ({
  timeZone,
  operators: hours.map((h, index) => ({ name: `op${index}`, hours: h })),
});
const namesAvailable = (timeZone: string, hours: WeeklyHours[], iso: string) =>
  availableOperators(schedule(timeZone, ...hours), at(iso)).map((o) => o.name);
const isOpen = (timeZone: string, hours: WeeklyHours, iso: string) =>
  namesAvailable(timeZone, [hours], iso).length === 1;

describe('zonedClock', () => {
  it.each([
    ['Europe/Berlin', '2025-06-06T20:30:15Z', 'FR', '22:30:15'],
    ['America/New_York', '2025-06-06T02:00:00Z', 'TH', '22:00:00'],
    ['Asia/Kolkata', '2025-06-06T20:00:00Z', 'SA', '01:30:00'],
    ['Pacific/Kiritimati', '2025-06-06T12:00:00Z', 'SA', '02:00:00'],
    ['Pacific/Pago_Pago', '2025-06-06T05:00:00Z', 'TH', '18:00:00'],
    ['UTC', '2025-06-08T00:00:00Z', 'SU', '00:00:00'],
  ])('%s at %s is %s %s', (timeZone, iso, weekday, time) => {
    expect(zonedClock(timeZone, at(iso))).toEqual({ weekday, secondsOfDay: secondsOfDay(time) });
  });
});

describe('hasNoHours', () => {
  it('is true for an empty object and for days without ranges', () => {
    expect(hasNoHours({})).toBe(true);
    expect(hasNoHours({ MO: [], SU: [] })).toBe(true);
    expect(hasNoHours({ TU: [{ availableFrom: '09:00:00', availableUntil: '10:00:00' }] })).toBe(false);
  });
});

describe('availableOperators', () => {
  const mondayNineToFive: WeeklyHours = { MO: [{ availableFrom: '09:00:00', availableUntil: '17:00:00' }] };

  it('treats availableFrom as inclusive and availableUntil as exclusive', () => {
    // Berlin is UTC+2 in June.
    expect(isOpen('Europe/Berlin', mondayNineToFive, '2025-06-02T06:59:59Z')).toBe(false);
    expect(isOpen('Europe/Berlin', mondayNineToFive, '2025-06-02T07:00:00Z')).toBe(true);
    expect(isOpen('Europe/Berlin', mondayNineToFive, '2025-06-02T14:59:59Z')).toBe(true);
    expect(isOpen('Europe/Berlin', mondayNineToFive, '2025-06-02T15:00:00Z')).toBe(false);
    expect(isOpen('Europe/Berlin', mondayNineToFive, '2025-06-03T08:00:00Z')).toBe(false);
  });

  it('handles several ranges on one day', () => {
    const splitShift: WeeklyHours = {
      MO: [
        { availableFrom: '09:00:00', availableUntil: '12:00:00' },
        { availableFrom: '13:00:00', availableUntil: '17:00:00' },
      ],
    };
    expect(isOpen('UTC', splitShift, '2025-06-02T10:00:00Z')).toBe(true);
    expect(isOpen('UTC', splitShift, '2025-06-02T12:30:00Z')).toBe(false);
    expect(isOpen('UTC', splitShift, '2025-06-02T13:00:00Z')).toBe(true);
  });

  it('runs a range past midnight into the next day (FR 22:00–02:00 is Friday 22:00 to Saturday 02:00)', () => {
    const lateFriday: WeeklyHours = { FR: [{ availableFrom: '22:00:00', availableUntil: '02:00:00' }] };
    expect(isOpen('Europe/Berlin', lateFriday, '2025-06-06T19:59:59Z')).toBe(false); // Fri 21:59:59
    expect(isOpen('Europe/Berlin', lateFriday, '2025-06-06T20:00:00Z')).toBe(true); // Fri 22:00
    expect(isOpen('Europe/Berlin', lateFriday, '2025-06-06T23:59:59Z')).toBe(true); // Sat 01:59:59
    expect(isOpen('Europe/Berlin', lateFriday, '2025-06-07T00:00:00Z')).toBe(false); // Sat 02:00
    expect(isOpen('Europe/Berlin', lateFriday, '2025-06-05T21:00:00Z')).toBe(false); // Thu 23:00
    expect(isOpen('Europe/Berlin', lateFriday, '2025-06-07T20:30:00Z')).toBe(false); // Sat 22:30
    expect(isOpen('Europe/Berlin', lateFriday, '2025-06-05T23:00:00Z')).toBe(false); // Fri 01:00
  });

  it('wraps a Sunday night range into Monday morning', () => {
    const sundayNight: WeeklyHours = { SU: [{ availableFrom: '23:00:00', availableUntil: '01:00:00' }] };
    expect(isOpen('UTC', sundayNight, '2025-06-09T00:30:00Z')).toBe(true); // Mon 00:30
    expect(isOpen('UTC', sundayNight, '2025-06-02T00:30:00Z')).toBe(true); // Mon 00:30, week before
    expect(isOpen('UTC', sundayNight, '2025-06-03T00:30:00Z')).toBe(false); // Tue 00:30
  });

  it('a range ending at 00:00:00 lasts until the end of its day', () => {
    const untilMidnight: WeeklyHours = { MO: [{ availableFrom: '18:00:00', availableUntil: '00:00:00' }] };
    expect(isOpen('UTC', untilMidnight, '2025-06-02T23:59:59Z')).toBe(true);
    expect(isOpen('UTC', untilMidnight, '2025-06-03T00:00:00Z')).toBe(false);
  });

  it('uses the business day, not the UTC day, west of UTC', () => {
    const tuesday: WeeklyHours = { TU: [{ availableFrom: '09:00:00', availableUntil: '17:00:00' }] };
    // New York is UTC-4 in June.
    expect(isOpen('America/New_York', tuesday, '2025-06-03T12:59:59Z')).toBe(false);
    expect(isOpen('America/New_York', tuesday, '2025-06-03T13:00:00Z')).toBe(true);
    expect(isOpen('America/New_York', tuesday, '2025-06-03T22:00:00Z')).toBe(false); // 18:00 local
    expect(isOpen('America/New_York', tuesday, '2025-06-04T02:00:00Z')).toBe(false); // Tue 22:00, UTC Wed
    expect(isOpen('Pacific/Pago_Pago', tuesday, '2025-06-04T01:00:00Z')).toBe(true); // Tue 14:00, UTC Wed
  });

  it('uses the business day, not the UTC day, east of UTC', () => {
    expect(isOpen('Asia/Tokyo', mondayNineToFive, '2025-06-01T23:59:59Z')).toBe(false); // Mon 08:59:59
    expect(isOpen('Asia/Tokyo', mondayNineToFive, '2025-06-02T00:00:00Z')).toBe(true); // Mon 09:00, UTC Mon
    expect(isOpen('Asia/Kolkata', mondayNineToFive, '2025-06-02T03:29:59Z')).toBe(false); // 08:59:59 IST
    expect(isOpen('Asia/Kolkata', mondayNineToFive, '2025-06-02T03:30:00Z')).toBe(true);
    expect(isOpen('Pacific/Kiritimati', mondayNineToFive, '2025-06-01T19:00:00Z')).toBe(true); // Mon 09:00, UTC Sun
  });

  it('follows the wall clock across a spring-forward DST change', () => {
    // New York, Sunday 2025-03-09: 02:00 EST jumps to 03:00 EDT.
    const sunday: WeeklyHours = {
      SU: [
        { availableFrom: '01:00:00', availableUntil: '04:00:00' },
        { availableFrom: '09:00:00', availableUntil: '17:00:00' },
      ],
    };
    expect(isOpen('America/New_York', sunday, '2025-03-09T06:59:59Z')).toBe(true); // 01:59:59 EST
    expect(isOpen('America/New_York', sunday, '2025-03-09T07:00:00Z')).toBe(true); // 03:00 EDT
    expect(isOpen('America/New_York', sunday, '2025-03-09T08:00:00Z')).toBe(false); // 04:00 EDT
    expect(isOpen('America/New_York', sunday, '2025-03-09T12:59:59Z')).toBe(false); // 08:59:59 EDT
    expect(isOpen('America/New_York', sunday, '2025-03-09T13:00:00Z')).toBe(true); // 09:00 EDT
  });

  it('follows the wall clock across a fall-back DST change (the repeated hour counts twice)', () => {
    // Berlin, Sunday 2025-10-26: 03:00 CEST falls back to 02:00 CET.
    const earlySunday: WeeklyHours = { SU: [{ availableFrom: '02:00:00', availableUntil: '03:00:00' }] };
    expect(isOpen('Europe/Berlin', earlySunday, '2025-10-25T23:59:59Z')).toBe(false); // 01:59:59 CEST
    expect(isOpen('Europe/Berlin', earlySunday, '2025-10-26T00:30:00Z')).toBe(true); // 02:30 CEST
    expect(isOpen('Europe/Berlin', earlySunday, '2025-10-26T01:30:00Z')).toBe(true); // 02:30 CET
    expect(isOpen('Europe/Berlin', earlySunday, '2025-10-26T02:00:00Z')).toBe(false); // 03:00 CET
  });

  it('keeps operators without any hours always available and preserves order', () => {
    const hours = [mondayNineToFive, {}, { MO: [] }];
    expect(namesAvailable('UTC', hours, '2025-06-02T10:00:00Z')).toEqual(['op0', 'op1', 'op2']);
    expect(namesAvailable('UTC', hours, '2025-06-07T10:00:00Z')).toEqual(['op1', 'op2']);
  });

  it('isWithinHours ignores an (invalid) empty range', () => {
    const empty: WeeklyHours = { MO: [{ availableFrom: '09:00:00', availableUntil: '09:00:00' }] };
    expect(isWithinHours(empty, { weekday: 'MO', secondsOfDay: 9 * 3600 })).toBe(false);
    expect(isWithinHours(empty, { weekday: 'TU', secondsOfDay: 0 })).toBe(false);
  });
});

describe('nextOpening', () => {
  const mondayNineToFive: WeeklyHours = { MO: [{ availableFrom: '09:00:00', availableUntil: '17:00:00' }] };

  it('finds the next range start in the business time zone', () => {
    // Saturday 14:00 in Berlin → Monday 09:00 CEST.
    expect(nextOpening(schedule('Europe/Berlin', mondayNineToFive), at('2025-06-07T12:00:00Z'))).toEqual({
      at: at('2025-06-09T07:00:00Z'),
      weekday: 'MO',
      time: '09:00',
    });
  });

  it('finds a later range on the same day and picks the earliest across operators', () => {
    const morning: WeeklyHours = { MO: [{ availableFrom: '09:00:00', availableUntil: '12:00:00' }] };
    const afternoon: WeeklyHours = { MO: [{ availableFrom: '13:30:00', availableUntil: '17:00:00' }] };
    const evening: WeeklyHours = { MO: [{ availableFrom: '18:00:00', availableUntil: '20:00:00' }] };
    const opening = nextOpening(schedule('UTC', evening, afternoon, morning), at('2025-06-02T12:30:00Z'));
    expect(opening).toEqual({ at: at('2025-06-02T13:30:00Z'), weekday: 'MO', time: '13:30' });
  });

  it('wraps to the same weekday next week', () => {
    // Monday 18:00 Berlin → next Monday 09:00.
    const opening = nextOpening(schedule('Europe/Berlin', mondayNineToFive), at('2025-06-02T16:00:00Z'));
    expect(opening?.at).toEqual(at('2025-06-09T07:00:00Z'));
  });

  it('corrects for a DST change before the opening (spring forward)', () => {
    // Saturday 2025-03-29 20:00 CET (UTC+1) → Monday 2025-03-31 09:00 CEST (UTC+2).
    const opening = nextOpening(schedule('Europe/Berlin', mondayNineToFive), at('2025-03-29T19:00:00Z'));
    expect(opening?.at).toEqual(at('2025-03-31T07:00:00Z'));
  });

  it('corrects for a DST change before the opening (fall back)', () => {
    // Saturday 2025-11-01 12:00 EDT (UTC-4) → Monday 2025-11-03 09:00 EST (UTC-5).
    const opening = nextOpening(schedule('America/New_York', mondayNineToFive), at('2025-11-01T16:00:00Z'));
    expect(opening?.at).toEqual(at('2025-11-03T14:00:00Z'));
  });

  it('works far east of UTC', () => {
    // Kiritimati (UTC+14): Saturday 02:00 local → Saturday 09:00 local.
    const saturday: WeeklyHours = { SA: [{ availableFrom: '09:00:00', availableUntil: '12:00:00' }] };
    const opening = nextOpening(schedule('Pacific/Kiritimati', saturday), at('2025-06-06T12:00:00Z'));
    expect(opening).toEqual({ at: at('2025-06-06T19:00:00Z'), weekday: 'SA', time: '09:00' });
  });

  it('is null when nobody has hours', () => {
    expect(nextOpening(schedule('UTC'), at('2025-06-02T10:00:00Z'))).toBeNull();
    expect(nextOpening(schedule('UTC', {}, { MO: [] }), at('2025-06-02T10:00:00Z'))).toBeNull();
  });
});
