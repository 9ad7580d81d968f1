import { describe, expect, it } from 'vitest';
import { addDays, addMonths, monthWeeks, startOfWeek } from './calendar-grid';

describe('calendar grid', () => {
  it('starts each week on the given day', () => {
    // June 2030 begins on a Saturday.
    expect(monthWeeks('2030-06-14', 1)[0]?.[0]).toBe('2030-05-27'); // Monday (German, Spanish)
    expect(monthWeeks('2030-06-14', 7)[0]?.[0]).toBe('2030-05-26'); // Sunday (Hebrew, US English)
    expect(monthWeeks('2030-06-14', 6)[0]?.[0]).toBe('2030-06-01'); // Saturday (Arabic, Egypt)
    expect(monthWeeks('2030-06-14', 6).flat()).toContain('2030-06-30');
  });

  it('moves by days and months across month ends and daylight-saving changes', () => {
    expect(addDays('2030-03-31', 1)).toBe('2030-04-01');
    expect(addDays('2030-10-27', 1)).toBe('2030-10-28');
    expect(addMonths('2030-01-31', 1)).toBe('2030-02-28');
    expect(addMonths('2030-01-15', -1)).toBe('2029-12-15');
    expect(startOfWeek('2030-06-14', 7)).toBe('2030-06-09');
  });
});
