import { describe, expect, it } from 'vitest';
import { firstDayOfWeek, weekdayName, weekdaysInOrder, workingDays } from './week';

describe('the week starts on the locale’s day', () => {
  it.each([
    ['en', 7],
    ['en-GB', 1],
    ['es', 1],
    ['es-MX', 7],
    ['pt-BR', 7],
    ['de', 1],
    ['he', 7],
    ['ar', 6],
    ['ar-SA', 7],
    ['ar-MA', 1],
  ])('%s starts on ISO day %i, with or without the engine’s week data', (tag, day) => {
    expect(firstDayOfWeek(tag)).toBe(day);
    expect(firstDayOfWeek(tag, { useEngine: false })).toBe(day);
  });

  it('orders the week from that day and names days in the language', () => {
    expect(weekdaysInOrder('de')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(weekdaysInOrder('he')).toEqual([7, 1, 2, 3, 4, 5, 6]);
    expect(weekdaysInOrder('ar')).toEqual([6, 7, 1, 2, 3, 4, 5]);
    expect(weekdayName('de', 1)).toBe('Montag');
    expect(weekdayName('es', 7)).toBe('domingo');
  });

  it('falls back to Monday for a tag Intl cannot read', () => {
    expect(firstDayOfWeek('not a locale!')).toBe(1);
  });
});

describe('working days', () => {
  it('are Sunday to Thursday in Hebrew and Arabic (Egypt), Monday to Friday in English and German', () => {
    for (const useEngine of [true, false]) {
      expect(workingDays('he', { useEngine })).toEqual([7, 1, 2, 3, 4]);
      expect(workingDays('ar', { useEngine })).toEqual([7, 1, 2, 3, 4]);
      expect(workingDays('de', { useEngine })).toEqual([1, 2, 3, 4, 5]);
      expect(workingDays('en-US', { useEngine })).toEqual([1, 2, 3, 4, 5]);
      expect(workingDays('pt-BR', { useEngine })).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it('know the weekends the table lists when the engine has no week data', () => {
    expect(workingDays('fa-IR', { useEngine: false })).toEqual([6, 7, 1, 2, 3, 4]);
    expect(workingDays('hi-IN', { useEngine: false })).toEqual([1, 2, 3, 4, 5, 6]);
    expect(workingDays('not a locale!')).toEqual([1, 2, 3, 4, 5]);
  });
});
