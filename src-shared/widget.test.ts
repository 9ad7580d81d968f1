import { describe, expect, it } from 'vitest';
import {
  isValidTimeZone,
  toPublicWidget,
  widgetSchema,
  widgetSettingsSchema,
  type WidgetSettingsInput,
} from './widget.js';
import { firstFieldError, validationError } from './validation.js';

const minimal: WidgetSettingsInput = { businessName: 'Bäckerei Sonne', timeZone: 'Europe/Berlin' };

const withOperator = (operator: Record<string, unknown>): unknown => ({
  ...minimal,
  operators: [{ number: '+49 170 1234567', name: 'Anna', ...operator }],
});

/** The first error of parsing `input` as widget settings, or null when it is valid. */
function errorOf(input: unknown) {
  const result = widgetSettingsSchema.safeParse(input);
  return result.success ? null : firstFieldError(result.error);
}

describe('widgetSettingsSchema defaults', () => {
  it('fills in everything the user may omit', () => {
    expect(widgetSettingsSchema.parse(minimal)).toEqual({
      businessName: 'Bäckerei Sonne',
      timeZone: 'Europe/Berlin',
      active: true,
      color: '#25d366',
      textColor: '#ffffff',
      position: 'right',
      openByDefault: false,
      buttonMessage: 'Chat with us',
      widgetMessage: 'Hi there! How can we help you?',
      operators: [],
    });
  });

  it('fills operator defaults and normalises the number to digits', () => {
    const parsed = widgetSettingsSchema.parse(withOperator({ number: '+1 (555) 123-4567' }));
    expect(parsed.operators[0]).toEqual({
      number: '15551234567',
      name: 'Anna',
      role: '',
      active: true,
      hours: {},
    });
  });

  it('lower-cases colours and trims texts', () => {
    const parsed = widgetSettingsSchema.parse({ ...minimal, color: '#AABBCC', buttonMessage: '  Hi!  ' });
    expect(parsed.color).toBe('#aabbcc');
    expect(parsed.buttonMessage).toBe('Hi!');
  });
});

describe('widgetSettingsSchema validation', () => {
  it.each([
    [{ ...minimal, color: 'red' }, 'color', 'must be #rrggbb'],
    [{ ...minimal, color: '#abc' }, 'color', 'must be #rrggbb'],
    [{ ...minimal, textColor: 12 }, 'textColor', 'must be #rrggbb'],
    [{ ...minimal, position: 'top' }, 'position', 'must be right or left'],
    [{ ...minimal, openByDefault: 'yes' }, 'openByDefault', 'must be true or false'],
    [{ ...minimal, buttonMessage: 'x' }, 'buttonMessage', 'must be 2 to 255 characters'],
    [{ ...minimal, widgetMessage: 'x'.repeat(256) }, 'widgetMessage', 'must be 2 to 255 characters'],
    [{ ...minimal, iconUrl: 'http://example.com/a.png' }, 'iconUrl', 'must be an https URL'],
    [{ ...minimal, iconUrl: 'javascript:alert(1)' }, 'iconUrl', 'must be an https URL'],
    [{ ...minimal, timeZone: 'Mars/Olympus' }, 'timeZone', 'must be a valid IANA time zone'],
    [{ ...minimal, timeZone: '' }, 'timeZone', 'must be a valid IANA time zone'],
    [{ timeZone: 'UTC' }, 'businessName', 'is required'],
    [{ ...minimal, businessName: '' }, 'businessName', 'must be 1 to 100 characters'],
    [{ ...minimal, colour: '#ffffff' }, 'colour', 'is not a known field'],
    [{ ...minimal, operators: {} }, 'operators', 'must be a list of at most 50 operators'],
    ['nope', '', 'must be an object'],
  ])('%j → %s: %s', (input, field, message) => {
    expect(errorOf(input)).toEqual({ field, message });
  });

  it.each([
    ['12345', 'too few digits'],
    ['+1234567890123456', 'too many digits'],
    ['0170 1234567', 'national format'],
    ['+49 170 123456x', 'letters'],
    ['+49.170.1234567', 'dots'],
    ['49+1701234567', 'plus not leading'],
  ])('rejects phone %s (%s)', (number) => {
    expect(errorOf(withOperator({ number }))).toEqual({
      field: 'operators.0.number',
      message: 'must be a phone number in international format',
    });
  });

  it.each([
    ['+49 170 1234567', '491701234567'],
    ['49-170-1234567', '491701234567'],
    ['+44 (20) 7946 0958', '442079460958'],
    ['12345678', '12345678'],
  ])('accepts phone %s as %s', (number, digits) => {
    expect(widgetSettingsSchema.parse(withOperator({ number })).operators[0]?.number).toBe(digits);
  });

  it('names the exact path of a bad time', () => {
    const input = withOperator({ hours: { MO: [{ availableFrom: '9:00', availableUntil: '17:00:00' }] } });
    expect(errorOf(input)).toEqual({
      field: 'operators.0.hours.MO.0.availableFrom',
      message: 'must be HH:MM:SS',
    });
  });

  it.each(['24:00:00', '23:60:00', '12:00', '12:00:00.000', ' 12:00:00'])(
    'rejects time %j',
    (availableUntil) => {
      const input = withOperator({ hours: { FR: [{ availableFrom: '09:00:00', availableUntil }] } });
      expect(errorOf(input)?.field).toBe('operators.0.hours.FR.0.availableUntil');
    },
  );

  it('rejects a range whose end equals its start but accepts one past midnight', () => {
    const same = withOperator({ hours: { FR: [{ availableFrom: '22:00:00', availableUntil: '22:00:00' }] } });
    expect(errorOf(same)).toEqual({
      field: 'operators.0.hours.FR.0.availableUntil',
      message: 'must differ from availableFrom',
    });
    const overnight = withOperator({
      hours: { FR: [{ availableFrom: '22:00:00', availableUntil: '02:00:00' }] },
    });
    expect(errorOf(overnight)).toBeNull();
  });

  it('allows several ranges a day', () => {
    const split = withOperator({
      hours: {
        MO: [
          { availableFrom: '09:00:00', availableUntil: '12:00:00' },
          { availableFrom: '13:00:00', availableUntil: '17:00:00' },
        ],
      },
    });
    expect(errorOf(split)).toBeNull();
  });

  it('names unknown keys at every level', () => {
    expect(errorOf(withOperator({ phone: '123' }))).toEqual({
      field: 'operators.0.phone',
      message: 'is not a known field',
    });
    expect(errorOf(withOperator({ hours: { MON: [] } }))).toEqual({
      field: 'operators.0.hours.MON',
      message: 'is not a known field',
    });
    const range = { availableFrom: '09:00:00', availableUntil: '17:00:00', note: 'x' };
    expect(errorOf(withOperator({ hours: { MO: [range] } }))?.field).toBe('operators.0.hours.MO.0.note');
  });

  it('requires operator fields', () => {
    expect(errorOf({ ...minimal, operators: [{ name: 'Anna' }] })).toEqual({
      field: 'operators.0.number',
      message: 'is required',
    });
  });

  it('accepts an https operator icon and an optional prefill', () => {
    const parsed = widgetSettingsSchema.parse(
      withOperator({ iconUrl: 'https://cdn.example.com/anna.png', prefill: 'Hello!', role: 'Sales' }),
    );
    expect(parsed.operators[0]).toMatchObject({
      iconUrl: 'https://cdn.example.com/anna.png',
      prefill: 'Hello!',
    });
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA zones and rejects others', () => {
    expect(isValidTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('validationError', () => {
  it('builds the REST error body', () => {
    const result = widgetSettingsSchema.safeParse({ ...minimal, color: 'green' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(validationError(result.error).toBody()).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'color: must be #rrggbb',
      field: 'color',
    });
  });
});

describe('toPublicWidget', () => {
  const stored = widgetSchema.parse({
    id: 'w_1',
    ...minimal,
    active: true,
    iconUrl: 'https://cdn.example.com/logo.png',
    operators: [
      {
        number: '+49 170 1234567',
        name: 'Anna',
        role: 'Sales',
        prefill: 'Hi Anna',
        hours: { MO: [{ availableFrom: '09:00:00', availableUntil: '17:00:00' }] },
      },
      { number: '+49 170 7654321', name: 'Ben', active: false },
      { number: '+49 170 5555555', name: 'Cleo', prefill: '' },
    ],
  });

  it('keeps only what the widget needs and drops inactive operators', () => {
    expect(toPublicWidget(stored)).toEqual({
      id: 'w_1',
      businessName: 'Bäckerei Sonne',
      timeZone: 'Europe/Berlin',
      color: '#25d366',
      textColor: '#ffffff',
      position: 'right',
      openByDefault: false,
      buttonMessage: 'Chat with us',
      widgetMessage: 'Hi there! How can we help you?',
      iconUrl: 'https://cdn.example.com/logo.png',
      operators: [
        {
          number: '491701234567',
          name: 'Anna',
          role: 'Sales',
          prefill: 'Hi Anna',
          hours: { MO: [{ availableFrom: '09:00:00', availableUntil: '17:00:00' }] },
        },
        { number: '491705555555', name: 'Cleo', role: '', hours: {} },
      ],
    });
  });

  it('never exposes owner-only fields', () => {
    const publicWidget = toPublicWidget({ ...stored, secretNote: 'owner only' } as typeof stored);
    expect(JSON.stringify(publicWidget)).not.toMatch(/active|secretNote/);
  });

  it('requires an id on the stored form', () => {
    const result = widgetSchema.safeParse(minimal);
    expect(result.success ? null : firstFieldError(result.error)).toEqual({
      field: 'id',
      message: 'is required',
    });
  });
});
