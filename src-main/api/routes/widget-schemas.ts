/**
 * zod schemas of the widget routes' bodies and answers, named (`.meta({ id })`) so the OpenAPI
 * document shows them as components. Validation itself is src-shared/widget.ts.
 */
import { z } from 'zod';
import type { WidgetList, WidgetRecord } from '../../../src-shared/contract/widgets.js';
import type { WidgetSnippets } from '../../../src-shared/widget-snippets.js';
import {
  weeklyHoursSchema,
  widgetSchema,
  widgetSettingsSchema,
  type PublicWidget,
  type WidgetSettingsInput,
} from '../../../src-shared/widget.js';

const exampleSettings = {
  businessName: 'Bäckerei Sonne',
  timeZone: 'Europe/Berlin',
  active: true,
  color: '#25d366',
  textColor: '#ffffff',
  position: 'right',
  openByDefault: false,
  buttonMessage: 'Chat with us',
  widgetMessage: 'Hi there! How can we help you?',
  operators: [
    {
      number: '491701234567',
      name: 'Anna',
      role: 'Sales',
      prefill: 'Hello! I have a question about…',
      active: true,
      hours: {
        MO: [{ availableFrom: '09:00:00', availableUntil: '17:00:00' }],
        FR: [
          { availableFrom: '09:00:00', availableUntil: '12:00:00' },
          { availableFrom: '22:00:00', availableUntil: '02:00:00' },
        ],
      },
    },
  ],
} satisfies WidgetSettingsInput;

const exampleRecord = {
  id: 'w_3f2a9c1d0b8e7a65',
  ...exampleSettings,
  createdAt: '2025-06-06T08:00:00.000Z',
  updatedAt: '2025-06-06T08:00:00.000Z',
};

export const widgetIdParams = z.object({
  id: z.string().min(1).max(100).describe('The widget id, e.g. `w_3f2a9c1d0b8e7a65`'),
});

export const widgetSettingsBody = widgetSettingsSchema.meta({
  id: 'WidgetSettings',
  description:
    'The whole editable document. Unknown keys are rejected; omitted optional fields get their defaults.',
  example: exampleSettings,
});

export const widgetRecordSchema = widgetSchema
  .extend({ createdAt: z.string(), updatedAt: z.string() })
  .meta({ id: 'Widget', example: exampleRecord }) satisfies z.ZodType<WidgetRecord>;

export const widgetListSchema = z.object({ items: z.array(widgetRecordSchema), next: z.null() }).meta({
  id: 'WidgetList',
  example: { items: [exampleRecord], next: null },
}) satisfies z.ZodType<WidgetList>;

const publicOperatorSchema = z.object({
  number: z.string().describe('Digits only, international format'),
  name: z.string(),
  role: z.string(),
  iconUrl: z.string().optional(),
  prefill: z.string().optional(),
  hours: weeklyHoursSchema.describe('Business-local hours; none on any day means always available'),
});

export const publicWidgetSchema = z
  .object({
    id: z.string(),
    businessName: z.string(),
    timeZone: z.string(),
    color: z.string(),
    textColor: z.string(),
    position: z.enum(['right', 'left']),
    openByDefault: z.boolean(),
    buttonMessage: z.string(),
    widgetMessage: z.string(),
    iconUrl: z.string().optional(),
    operators: z.array(publicOperatorSchema).describe('Active operators only'),
  })
  .meta({
    id: 'PublicWidget',
    description: 'Only what the widget script needs; inactive operators and owner settings are left out.',
    example: {
      id: exampleRecord.id,
      businessName: exampleSettings.businessName,
      timeZone: exampleSettings.timeZone,
      color: exampleSettings.color,
      textColor: exampleSettings.textColor,
      position: exampleSettings.position,
      openByDefault: exampleSettings.openByDefault,
      buttonMessage: exampleSettings.buttonMessage,
      widgetMessage: exampleSettings.widgetMessage,
      operators: [
        {
          number: '491701234567',
          name: 'Anna',
          role: 'Sales',
          prefill: 'Hello! I have a question about…',
          hours: exampleSettings.operators[0]?.hours ?? {},
        },
      ],
    },
  }) satisfies z.ZodType<PublicWidget>;

export const widgetSnippetsSchema = z
  .object({
    hosted: z.string().describe('One <script> tag loading widget.js from this Chatdock'),
    selfContained: z
      .string()
      .describe('The configuration and the whole script inlined; works while this PC is off'),
  })
  .meta({
    id: 'WidgetSnippets',
    example: {
      hosted: `<script defer data-widget="${exampleRecord.id}" src="http://192.168.1.20:8787/widget.js"></script>`,
      selfContained: '<script>window.ChatdockWidgetConfig = {…};</script>\n<script>…</script>',
    },
  }) satisfies z.ZodType<WidgetSnippets>;
