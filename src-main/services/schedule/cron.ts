/**
 * A small five-field cron: `minute hour day-of-month month day-of-week`, each `*`, a number, a
 * range `a-b`, a step `*\/n` or `a-b/n`, or a comma list of those. Month and weekday names
 * (JAN, MON) are accepted; weekday 7 is Sunday like 0. As in classic cron, when both
 * day-of-month and day-of-week are restricted, a day matching either runs.
 */
import { AppError } from '../../../src-shared/errors.js';
import { addDays, localParts, zonedInstant } from '../../../src-shared/zoned-time.js';

interface CronSpec {
  minutes: Set<number>;
  hours: Set<number>;
  daysOfMonth: Set<number>;
  months: Set<number>;
  daysOfWeek: Set<number>;
  domRestricted: boolean;
  dowRestricted: boolean;
}

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldRule {
  name: string;
  min: number;
  max: number;
  names?: string[];
  /** Value of the first name (months start at 1). */
  nameBase?: number;
}

const FIELDS: FieldRule[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES, nameBase: 1 },
  { name: 'day of week', min: 0, max: 7, names: DAY_NAMES, nameBase: 0 },
];

function invalid(message: string): AppError {
  return new AppError('VALIDATION_FAILED', `repeat.expression: ${message}`, 'repeat.expression');
}

function parseValue(text: string, rule: FieldRule): number {
  const upper = text.toUpperCase();
  const named = rule.names?.indexOf(upper) ?? -1;
  if (named >= 0) return named + (rule.nameBase ?? 0);
  if (!/^\d+$/.test(text)) throw invalid(`"${text}" is not a valid ${rule.name}`);
  const value = Number(text);
  if (value < rule.min || value > rule.max) {
    throw invalid(`${rule.name} must be between ${rule.min} and ${rule.max} (got ${value})`);
  }
  return value;
}

function parseField(text: string, rule: FieldRule): { values: Set<number>; restricted: boolean } {
  const values = new Set<number>();
  let restricted = true;
  for (const item of text.split(',')) {
    if (!item) throw invalid(`empty item in the ${rule.name} field`);
    const [range = '', stepText, extra] = item.split('/');
    if (extra !== undefined) throw invalid(`"${item}" has more than one step`);
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) < 1)
        throw invalid(`step "${stepText}" must be a positive number`);
      step = Number(stepText);
    }
    let from: number;
    let to: number;
    if (range === '*') {
      from = rule.min;
      to = rule.name === 'day of week' ? 6 : rule.max;
      if (stepText === undefined) restricted = false;
    } else if (range.includes('-')) {
      const [a = '', b = ''] = range.split('-');
      from = parseValue(a, rule);
      to = parseValue(b, rule);
      if (from > to) throw invalid(`range "${range}" goes backwards`);
    } else {
      from = parseValue(range, rule);
      to = stepText === undefined ? from : rule.name === 'day of week' ? 6 : rule.max;
    }
    for (let value = from; value <= to; value += step)
      values.add(rule.name === 'day of week' ? value % 7 : value);
  }
  return { values, restricted };
}

export function parseCron(expression: string): CronSpec {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    throw invalid('needs five fields: minute hour day-of-month month day-of-week (e.g. "0 9 * * MON")');
  }
  const [minute, hour, dom, month, dow] = fields.map((field, index) => parseField(field, FIELDS[index]!));
  return {
    minutes: minute!.values,
    hours: hour!.values,
    daysOfMonth: dom!.values,
    months: month!.values,
    daysOfWeek: dow!.values,
    domRestricted: dom!.restricted,
    dowRestricted: dow!.restricted,
  };
}

function dayMatches(spec: CronSpec, day: number, weekday: number): boolean {
  const domOk = spec.daysOfMonth.has(day);
  const dowOk = spec.daysOfWeek.has(weekday);
  if (spec.domRestricted && spec.dowRestricted) return domOk || dowOk;
  return domOk && dowOk;
}

/** How far ahead a cron expression is searched (covers "29 Feb" style expressions). */
const SEARCH_DAYS = 366 * 8;

/**
 * The first instant strictly after `after` whose wall clock in `timeZone` matches. Local
 * times skipped by a DST change do not run that day. Null if nothing matches for years.
 */
export function nextCronTime(spec: CronSpec, after: number, timeZone: string): number | null {
  const start = localParts(after, timeZone);
  const hours = [...spec.hours].sort((a, b) => a - b);
  const minutes = [...spec.minutes].sort((a, b) => a - b);
  for (let offset = 0; offset < SEARCH_DAYS; offset++) {
    const date = addDays(start.year, start.month, start.day, offset);
    if (!spec.months.has(date.month) || !dayMatches(spec, date.day, date.weekday)) continue;
    for (const hour of hours) {
      if (offset === 0 && hour < start.hour) continue;
      for (const minute of minutes) {
        if (offset === 0 && hour === start.hour && minute < start.minute) continue;
        const instant = zonedInstant(timeZone, date.year, date.month, date.day, hour, minute);
        if (instant <= after) continue;
        const shown = localParts(instant, timeZone);
        if (shown.hour !== hour || shown.minute !== minute || shown.day !== date.day) continue;
        return instant;
      }
    }
  }
  return null;
}
