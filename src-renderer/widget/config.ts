/**
 * Checks a public widget that arrived from outside (network, window global, data attribute).
 * zod would triple the script size, so this is a hand-written guard: it keeps what the widget can
 * render safely and returns null when essential parts are missing.
 */
import type { PublicOperator, PublicWidget } from '../../src-shared/widget';
import { TIME_PATTERN, WEEKDAYS, type TimeRange, type WeeklyHours } from '../../src-shared/widget-hours';
import { safeColor, safeImageUrl } from './format';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
}

function readRange(value: unknown): TimeRange[] {
  if (!isObject(value)) return [];
  const { availableFrom, availableUntil } = value;
  const valid =
    typeof availableFrom === 'string' &&
    typeof availableUntil === 'string' &&
    TIME_PATTERN.test(availableFrom) &&
    TIME_PATTERN.test(availableUntil);
  return valid ? [{ availableFrom, availableUntil }] : [];
}

function readHours(value: unknown): WeeklyHours {
  const hours: WeeklyHours = {};
  if (!isObject(value)) return hours;
  for (const day of WEEKDAYS) {
    const ranges = value[day];
    if (Array.isArray(ranges)) hours[day] = ranges.flatMap(readRange);
  }
  return hours;
}

function readOperator(value: unknown): PublicOperator[] {
  if (!isObject(value) || typeof value.name !== 'string') return [];
  const number = text(value.number).replace(/\D/g, '');
  if (number.length < 8) return [];
  return [
    {
      number,
      name: value.name,
      role: text(value.role),
      iconUrl: safeImageUrl(value.iconUrl),
      prefill: text(value.prefill) || undefined,
      hours: readHours(value.hours),
    },
  ];
}

export function readPublicWidget(value: unknown): PublicWidget | null {
  if (!isObject(value)) return null;
  const { id, businessName, timeZone, operators } = value;
  if (typeof id !== 'string' || typeof businessName !== 'string' || !Array.isArray(operators)) return null;
  if (typeof timeZone !== 'string' || !isKnownTimeZone(timeZone)) return null;
  return {
    id,
    businessName,
    timeZone,
    color: safeColor(value.color, '#25d366'),
    textColor: safeColor(value.textColor, '#ffffff'),
    position: value.position === 'left' ? 'left' : 'right',
    openByDefault: value.openByDefault === true,
    buttonMessage: text(value.buttonMessage, 'Chat with us'),
    widgetMessage: text(value.widgetMessage),
    iconUrl: safeImageUrl(value.iconUrl),
    operators: operators.flatMap(readOperator),
  };
}
