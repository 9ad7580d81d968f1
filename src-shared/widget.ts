/**
 * The click-to-chat website widget: validation schemas, types and the public projection.
 *
 * Two shapes exist:
 * - the stored/edited `Widget` (owner-only, e.g. inactive operators and the widget's active flag), and
 * - the `PublicWidget` served unauthenticated to websites, holding only what the widget script needs.
 *
 * Error messages are written to be shown after the field path ("color: must be #rrggbb").
 */
import { z } from 'zod';
import { TIME_PATTERN, type WeeklyHours } from './widget-hours.js';

const MESSAGES = {
  required: 'is required',
  color: 'must be #rrggbb',
  time: 'must be HH:MM:SS',
  phone: 'must be a phone number in international format',
  timeZone: 'must be a valid IANA time zone',
  httpsUrl: 'must be an https URL',
  position: 'must be right or left',
  boolean: 'must be true or false',
  widgetText: 'must be 2 to 255 characters',
  name: 'must be 1 to 100 characters',
  role: 'must be at most 100 characters',
  prefill: 'must be at most 1000 characters',
  sameTimes: 'must differ from availableFrom',
  dayRanges: 'must be a list of at most 12 time ranges',
  operators: 'must be a list of at most 50 operators',
  object: 'must be an object',
} as const;

/** Error option: a missing value "is required"; a value of the wrong type states the rule it breaks. */
const rule = (message: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? MESSAGES.required : message),
});

const hexColor = z
  .string(rule(MESSAGES.color))
  .regex(/^#[0-9a-fA-F]{6}$/, MESSAGES.color)
  .transform((color) => color.toLowerCase());

const time = z.string(rule(MESSAGES.time)).regex(TIME_PATTERN, MESSAGES.time);

/** Digits with an optional leading +, spaces, dashes and parentheses → E.164 digits without the +. */
const phoneNumber = z
  .string(rule(MESSAGES.phone))
  .trim()
  .regex(/^\+?[\d\s()-]+$/, MESSAGES.phone)
  .transform((phone) => phone.replace(/\D/g, ''))
  // E.164: 8–15 digits, and country codes never start with 0 (a leading 0 means a national number).
  .pipe(z.string().regex(/^[1-9]\d{7,14}$/, MESSAGES.phone));

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone === '') return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
}

const timeZone = z.string(rule(MESSAGES.timeZone)).trim().refine(isValidTimeZone, MESSAGES.timeZone);

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

/** An image address; https only so the widget never triggers mixed-content warnings on the host page. */
const httpsUrl = z
  .string(rule(MESSAGES.httpsUrl))
  .trim()
  .max(2048, MESSAGES.httpsUrl)
  .refine(isHttpsUrl, MESSAGES.httpsUrl);

const boolean = z.boolean(rule(MESSAGES.boolean));
const widgetText = z
  .string(rule(MESSAGES.widgetText))
  .trim()
  .min(2, MESSAGES.widgetText)
  .max(255, MESSAGES.widgetText);
const name = z.string(rule(MESSAGES.name)).trim().min(1, MESSAGES.name).max(100, MESSAGES.name);

const timeRangeSchema = z
  .strictObject({ availableFrom: time, availableUntil: time }, rule(MESSAGES.object))
  // Until < From is a range past midnight; Until == From would be empty (or ambiguous as "all day").
  .refine((range) => range.availableFrom !== range.availableUntil, {
    path: ['availableUntil'],
    message: MESSAGES.sameTimes,
  });

const dayRanges = z.array(timeRangeSchema, rule(MESSAGES.dayRanges)).max(12, MESSAGES.dayRanges).optional();

export const weeklyHoursSchema = z.strictObject(
  { MO: dayRanges, TU: dayRanges, WE: dayRanges, TH: dayRanges, FR: dayRanges, SA: dayRanges, SU: dayRanges },
  rule(MESSAGES.object),
);

const operatorSchema = z.strictObject(
  {
    /** WhatsApp number, normalised to digits only. */
    number: phoneNumber,
    name,
    /** Role or post shown under the name, e.g. "Sales". */
    role: z.string(rule(MESSAGES.role)).trim().max(100, MESSAGES.role).default(''),
    iconUrl: httpsUrl.optional(),
    /** Prefilled first message for the WhatsApp chat; empty means none. */
    prefill: z.string(rule(MESSAGES.prefill)).trim().max(1000, MESSAGES.prefill).optional(),
    active: boolean.default(true),
    /** No ranges on any day means always available. */
    hours: weeklyHoursSchema.default({}),
  },
  rule(MESSAGES.object),
);

const widgetFields = {
  businessName: name,
  /** IANA zone the operators' hours are written in. */
  timeZone,
  active: boolean.default(true),
  color: hexColor.default('#25d366'),
  textColor: hexColor.default('#ffffff'),
  position: z.enum(['right', 'left'], rule(MESSAGES.position)).default('right'),
  openByDefault: boolean.default(false),
  /** Label of the floating button. */
  buttonMessage: widgetText.default('Chat with us'),
  /** Greeting at the top of the open panel. */
  widgetMessage: widgetText.default('Hi there! How can we help you?'),
  iconUrl: httpsUrl.optional(),
  operators: z.array(operatorSchema, rule(MESSAGES.operators)).max(50, MESSAGES.operators).default([]),
};

/** What the owner edits (create/replace body); unknown keys are rejected so typos get named. */
export const widgetSettingsSchema = z.strictObject(widgetFields, rule(MESSAGES.object));

/** The stored widget: settings plus the id the server assigned. */
export const widgetSchema = z.strictObject(
  { id: z.string(rule('must be a non-empty string')).min(1, 'must be a non-empty string'), ...widgetFields },
  rule(MESSAGES.object),
);

export type TimeRange = z.output<typeof timeRangeSchema>;
export type Operator = z.output<typeof operatorSchema>;
export type WidgetSettingsInput = z.input<typeof widgetSettingsSchema>;
export type WidgetSettings = z.output<typeof widgetSettingsSchema>;
export type Widget = z.output<typeof widgetSchema>;
export type WidgetPosition = Widget['position'];

export interface PublicOperator {
  number: string;
  name: string;
  role: string;
  iconUrl?: string;
  prefill?: string;
  /** Business-local hours; none on any day means always available. */
  hours: WeeklyHours;
}

/** Body of `GET /api/v1/public/widgets/{id}` and of `window.ChatdockWidgetConfig`. */
export interface PublicWidget {
  id: string;
  businessName: string;
  timeZone: string;
  color: string;
  textColor: string;
  position: WidgetPosition;
  openByDefault: boolean;
  buttonMessage: string;
  widgetMessage: string;
  iconUrl?: string;
  operators: PublicOperator[];
}

/**
 * The unauthenticated view of a widget. Fields are copied one by one (an allow-list) so that
 * owner-only settings added later never leak by accident. Inactive operators are dropped.
 */
export function toPublicWidget(widget: Widget): PublicWidget {
  return {
    id: widget.id,
    businessName: widget.businessName,
    timeZone: widget.timeZone,
    color: widget.color,
    textColor: widget.textColor,
    position: widget.position,
    openByDefault: widget.openByDefault,
    buttonMessage: widget.buttonMessage,
    widgetMessage: widget.widgetMessage,
    ...(widget.iconUrl ? { iconUrl: widget.iconUrl } : {}),
    operators: widget.operators
      .filter((operator) => operator.active)
      .map((operator) => ({
        number: operator.number,
        name: operator.name,
        role: operator.role,
        ...(operator.iconUrl ? { iconUrl: operator.iconUrl } : {}),
        ...(operator.prefill ? { prefill: operator.prefill } : {}),
        hours: operator.hours,
      })),
  };
}
