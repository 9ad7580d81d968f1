/**
 * The first day of the week where the reader lives, as ISO numbers (1 = Monday … 7 = Sunday).
 * `Intl.Locale` knows it (`getWeekInfo()`, or the older `weekInfo` getter Chromium shipped
 * first), but Firefox and older engines do not, and a calendar that starts on the wrong day is
 * one people misread (booking a Sunday for a Monday). So when the engine has no answer, a small
 * table of CLDR's week data for the regions whose week does not start on Monday stands in.
 */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

interface WeekInfo {
  firstDay: number;
  /** ISO days of the weekend (not every engine's answer has it). */
  weekend?: number[];
}

/** CLDR weekData "firstDay" for regions not on Monday (Monday is CLDR's default). */
const SUNDAY_REGIONS = new Set([
  'AG',
  'AS',
  'BR',
  'BS',
  'BT',
  'BW',
  'BZ',
  'CA',
  'CO',
  'DM',
  'DO',
  'ET',
  'GT',
  'GU',
  'HK',
  'HN',
  'ID',
  'IL',
  'IN',
  'JM',
  'JP',
  'KE',
  'KH',
  'KR',
  'LA',
  'MH',
  'MM',
  'MO',
  'MT',
  'MX',
  'MZ',
  'NI',
  'NP',
  'PA',
  'PE',
  'PH',
  'PK',
  'PR',
  'PT',
  'PY',
  'SA',
  'SG',
  'SV',
  'TH',
  'TT',
  'TW',
  'UM',
  'US',
  'VE',
  'VI',
  'WS',
  'YE',
  'ZA',
  'ZW',
]);
const SATURDAY_REGIONS = new Set([
  'AF',
  'BH',
  'DJ',
  'DZ',
  'EG',
  'IQ',
  'IR',
  'JO',
  'KW',
  'LY',
  'OM',
  'QA',
  'SD',
  'SY',
]);

function fromEngine(locale: Intl.Locale): number | undefined {
  const withWeek = locale as Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };
  try {
    return withWeek.getWeekInfo?.().firstDay ?? withWeek.weekInfo?.firstDay;
  } catch {
    return undefined;
  }
}

function fromTable(locale: Intl.Locale): IsoWeekday {
  // "he" alone means Israel, "ar" alone Egypt, "pt" Brazil: the likely region CLDR assigns.
  const region = locale.region ?? locale.maximize().region ?? '';
  if (SUNDAY_REGIONS.has(region)) return 7;
  if (SATURDAY_REGIONS.has(region)) return 6;
  return 1;
}

/** The locale's first weekday; `useEngine: false` is for testing the fallback table. */
export function firstDayOfWeek(tag: string, { useEngine = true } = {}): IsoWeekday {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return 1;
  }
  const day = useEngine ? fromEngine(locale) : undefined;
  return day !== undefined && day >= 1 && day <= 7 ? (day as IsoWeekday) : fromTable(locale);
}

/** The seven ISO weekdays in the locale's order, starting with its first day. */
export function weekdaysInOrder(tag: string): IsoWeekday[] {
  const first = firstDayOfWeek(tag);
  return Array.from({ length: 7 }, (_, i) => (((first - 1 + i) % 7) + 1) as IsoWeekday);
}

/** A Monday (2024-01-01, UTC): adding `day - 1` days gives any weekday for name formatting. */
const A_MONDAY = Date.UTC(2024, 0, 1);

/** The weekday's name in the locale ("lundi", "יום שני"), formatted by Intl rather than a table. */
export function weekdayName(
  tag: string,
  day: IsoWeekday,
  width: 'long' | 'short' | 'narrow' = 'long',
): string {
  return new Intl.DateTimeFormat(tag, { weekday: width, timeZone: 'UTC' }).format(
    new Date(A_MONDAY + (day - 1) * 86_400_000),
  );
}

/**
 * CLDR weekData "weekendStart/End" for the regions whose weekend is not Saturday–Sunday: Friday
 * and Saturday in Israel and most Arab countries, Thursday–Friday in Afghanistan, Friday alone in
 * Iran, Sunday alone in India and Uganda.
 */
const WEEKEND_OF_REGION: Record<string, IsoWeekday[]> = {
  ...Object.fromEntries(
    ['AE', 'BH', 'DZ', 'EG', 'IL', 'IQ', 'JO', 'KW', 'LY', 'OM', 'QA', 'SA', 'SD', 'SY', 'YE'].map(
      (region) => [region, [5, 6] as IsoWeekday[]],
    ),
  ),
  AF: [4, 5],
  IR: [5],
  IN: [7],
  UG: [7],
};

function weekendOf(locale: Intl.Locale, useEngine: boolean): IsoWeekday[] {
  if (useEngine) {
    const withWeek = locale as Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };
    try {
      const weekend = (withWeek.getWeekInfo?.() ?? withWeek.weekInfo)?.weekend;
      if (weekend && weekend.every((day) => day >= 1 && day <= 7)) return weekend as IsoWeekday[];
    } catch {
      // An engine without week data: the table below answers.
    }
  }
  const region = locale.region ?? locale.maximize().region ?? '';
  return WEEKEND_OF_REGION[region] ?? [6, 7];
}

/**
 * The locale's working days, in its week order: Sunday to Thursday in Hebrew (Israel), Monday to
 * Friday in most places. Defaults such as a new widget operator's hours start from these.
 */
export function workingDays(tag: string, { useEngine = true } = {}): IsoWeekday[] {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return [1, 2, 3, 4, 5];
  }
  const weekend = weekendOf(locale, useEngine);
  return weekdaysInOrder(tag).filter((day) => !weekend.includes(day));
}
