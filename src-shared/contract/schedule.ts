/**
 * Scheduled messages, campaigns and the opt-out list: the schemas the REST routes, the UI's
 * calls and the OpenAPI document share.
 */
import { z } from 'zod';
import { idempotencyKeySchema } from '../idempotency-key.js';
import { exampleOf } from '../examples.js';
import { mediaSourceSchema, sendMessageSchema, type SendMessageInput } from '../send-schemas.js';
import { scheduledStatusSchema } from './status.js';

/** What a schedule sends: a chat message, or a Status (issue #19) posted at its time. */
export const scheduledMessageSchema = z
  .discriminatedUnion('type', [sendMessageSchema, scheduledStatusSchema])
  .meta({
    id: 'ScheduledMessage',
    example: { to: '+972 50-123-4567', type: 'text', text: 'Your order is ready 🎉' },
  });
export type ScheduledMessage = z.infer<typeof scheduledMessageSchema>;
import { ADMIN_ONLY, READ_MESSAGES, SEND_MESSAGES, readSession, sendInSession } from '../access.js';
import { op } from './operation.js';
import { sessionIdSchema } from './sessions.js';

// ---------------------------------------------------------------------------------------------
// Scheduled messages
// ---------------------------------------------------------------------------------------------

export const SCHEDULE_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled', 'missed'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

/** `Area/City` or UTC: checked against the runtime's time zone database. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Berlin')
  .describe('IANA time zone; repetition keeps the wall-clock time of this zone');

const repeatSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('daily') }).strict(),
    z.object({ kind: z.literal('weekly') }).strict(),
    z.object({ kind: z.literal('monthly') }).strict(),
    z
      .object({
        kind: z.literal('cron'),
        expression: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .describe('Five fields: minute hour day-of-month month day-of-week, in the time zone'),
      })
      .strict(),
  ])
  .meta({ id: 'Repeat', example: { kind: 'weekly' } });
export type Repeat = z.infer<typeof repeatSchema>;

/** ISO-8601 with an explicit offset (`Z` or `+02:00`): a time without one is ambiguous. */
const sendAtSchema = z.iso
  .datetime({
    offset: true,
    error: 'must be an ISO-8601 date-time with an offset, e.g. 2026-05-01T09:00:00+02:00',
  })
  .describe('When to send: ISO-8601 with offset');

export const scheduleSchema = z
  .object({
    id: z.string(),
    session: z.string(),
    message: scheduledMessageSchema,
    sendAt: z.string().describe('Next send, UTC ISO-8601'),
    timeZone: z.string(),
    repeat: repeatSchema.nullable(),
    status: z.enum(SCHEDULE_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable().describe('Why the last attempt failed, or why it was missed'),
    sentAt: z.string().nullable().describe('When it was last sent, UTC ISO-8601'),
    sentMessageId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({
    id: 'Schedule',
    example: {
      id: 'sch_0192f0c1a2b30000a1b2c3d4',
      session: 'shop',
      message: { type: 'text', to: '+972 50-123-4567', text: 'Reminder: your table is at 20:00' },
      sendAt: '2026-11-21T16:00:00.000Z',
      timeZone: 'Asia/Jerusalem',
      repeat: null,
      status: 'pending',
      attempts: 0,
      lastError: null,
      sentAt: null,
      sentMessageId: null,
      createdAt: '2026-11-20T09:00:00.000Z',
      updatedAt: '2026-11-20T09:00:00.000Z',
    },
  });
export type Schedule = z.infer<typeof scheduleSchema>;

export const createScheduleInput = z
  .object({
    session: sessionIdSchema,
    message: scheduledMessageSchema,
    sendAt: sendAtSchema,
    timeZone: timeZoneSchema.optional().describe('IANA zone for repetition; default UTC'),
    repeat: repeatSchema.nullable().optional(),
  })
  .strict()
  .meta({
    example: {
      session: 'shop',
      message: { type: 'text', to: '+972 50-123-4567', text: 'Reminder: your table is at 20:00' },
      sendAt: '2026-11-21T18:00:00+02:00',
      timeZone: 'Asia/Jerusalem',
      repeat: null,
    },
  });
export type CreateScheduleInput = z.infer<typeof createScheduleInput>;

export const updateScheduleInput = z
  .object({
    message: scheduledMessageSchema.optional(),
    sendAt: sendAtSchema.optional(),
    timeZone: timeZoneSchema.optional(),
    repeat: repeatSchema.nullable().optional(),
  })
  .strict()
  .meta({ example: { sendAt: '2026-11-21T19:00:00+02:00', repeat: { kind: 'weekly' } } });
export type UpdateScheduleInput = z.infer<typeof updateScheduleInput>;

export const scheduleListQuery = z
  .object({
    status: z.enum(SCHEDULE_STATUSES).optional(),
    session: sessionIdSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: z.string().optional().describe('The `next` of the previous page'),
  })
  .strict();

export const scheduleListSchema = z
  .object({ items: z.array(scheduleSchema), next: z.string().nullable() })
  .meta({ id: 'ScheduleList', example: { items: [exampleOf(scheduleSchema)], next: null } });

export const scheduleSettingsSchema = z
  .object({
    missAfterMinutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 30)
      .describe('A schedule overdue by more than this (app closed, session offline) is marked missed'),
  })
  .strict()
  .meta({ id: 'ScheduleSettings', example: { missAfterMinutes: 1440 } });
export type ScheduleSettings = z.infer<typeof scheduleSettingsSchema>;

/**
 * `POST /sessions/{id}/messages` with `sendAt` becomes a schedule: every send type, plus
 * `sendAt`, `timeZone` and `repeat`.
 */
type SendOrScheduleInput = SendMessageInput & {
  sendAt?: string;
  timeZone?: string;
  repeat?: Repeat | null;
};

export const sendOrScheduleSchema = z
  .discriminatedUnion(
    'type',
    sendMessageSchema.options.map((option) =>
      option.extend({
        sendAt: sendAtSchema.optional().describe('Send later: the message becomes a schedule'),
        timeZone: timeZoneSchema.optional(),
        repeat: repeatSchema.nullable().optional(),
      }),
    ) as unknown as [
      (typeof sendMessageSchema.options)[number],
      ...(typeof sendMessageSchema.options)[number][],
    ],
  )
  .meta({
    id: 'SendOrScheduleMessage',
    example: { to: '+972 50-123-4567', type: 'text', text: 'Your order is ready 🎉' },
  }) as unknown as z.ZodType<SendOrScheduleInput>;

// ---------------------------------------------------------------------------------------------
// Campaigns
// ---------------------------------------------------------------------------------------------

const CAMPAIGN_STATUSES = ['draft', 'running', 'paused', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const RECIPIENT_STATUSES = [
  'pending',
  'sending',
  'sent',
  'failed',
  'invalid',
  'not_on_whatsapp',
  'opted_out',
  'skipped',
] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type DayCode = (typeof DAY_CODES)[number];
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

const workingHoursSchema = z
  .object({
    timeZone: timeZoneSchema,
    from: hhmm,
    until: hhmm,
    days: z.array(z.enum(DAY_CODES)).min(1).max(7).optional().describe('Default: every day'),
  })
  .strict()
  .refine((hours) => hours.from !== hours.until, { message: 'from and until must differ', path: ['until'] })
  .meta({
    id: 'WorkingHours',
    example: {
      timeZone: 'Asia/Jerusalem',
      from: '09:00',
      until: '18:00',
      days: ['SU', 'MO', 'TU', 'WE', 'TH'],
    },
  });
export type WorkingHours = z.infer<typeof workingHoursSchema>;

const recipientsInputSchema = z
  .discriminatedUnion('source', [
    z
      .object({
        source: z.literal('list'),
        text: z
          .string()
          .max(2_000_000)
          .describe('One recipient per line: a phone number, optionally followed by a comma and a name'),
      })
      .strict(),
    z
      .object({
        source: z.literal('csv'),
        csv: z.string().max(5_000_000).describe('CSV text with a header row'),
        phoneColumn: z.string().min(1).describe('Header of the column with the phone numbers'),
        nameColumn: z.string().min(1).optional().describe('Header of the column used for [name]'),
      })
      .strict(),
    z
      .object({
        source: z.literal('tag'),
        tagId: z.string().min(1).describe('Every chat of the session with this tag'),
      })
      .strict(),
  ])
  .meta({ id: 'CampaignRecipientsInput', example: { source: 'list', text: '+972501234567, Dana' } });
export type RecipientsInput = z.infer<typeof recipientsInputSchema>;

const campaignMediaSchema = z
  .object({ type: z.enum(['image', 'video', 'document']), source: mediaSourceSchema })
  .strict()
  .describe('Sent with the rendered text as its caption');

const delayMs = z.number().int().min(0).max(3_600_000);

export const createCampaignInput = z
  .object({
    session: sessionIdSchema,
    name: z.string().trim().min(1, 'must not be empty').max(120),
    template: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(4096)
      .describe('Spintax `{Hi|Hello}`, placeholders `[name]`, `[phone]` and custom CSV columns'),
    media: campaignMediaSchema.optional(),
    recipients: recipientsInputSchema,
    delayMinMs: delayMs.default(2000).describe('Shortest random pause between two sends'),
    delayMaxMs: delayMs.default(5000).describe('Longest random pause between two sends'),
    dailyCap: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .nullable()
      .optional()
      .describe('Most campaign messages this number sends per day (all its campaigns)'),
    workingHours: workingHoursSchema.nullable().optional(),
    start: z.boolean().default(true).describe('false keeps it a draft until resumed'),
  })
  .strict()
  .refine((input) => input.delayMaxMs >= input.delayMinMs, {
    message: 'must not be less than delayMinMs',
    path: ['delayMaxMs'],
  })
  .meta({
    example: {
      session: 'shop',
      name: 'Spring menu',
      template: '{Hi|Hello} [name], our spring menu is here 🌷 Reply STOP to opt out.',
      recipients: { source: 'list', text: '+972501234567, Dana\n+972507654321, Avi' },
      delayMinMs: 3000,
      delayMaxMs: 8000,
      dailyCap: 500,
      workingHours: { timeZone: 'Asia/Jerusalem', from: '09:00', until: '18:00' },
      start: true,
    },
  });
export type CreateCampaignInput = z.output<typeof createCampaignInput>;

const campaignCountsSchema = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  sending: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  invalid: z.number().int(),
  notOnWhatsApp: z.number().int(),
  optedOut: z.number().int(),
  skipped: z.number().int(),
});
export type CampaignCounts = z.infer<typeof campaignCountsSchema>;

export const campaignSchema = z
  .object({
    id: z.string(),
    session: z.string(),
    name: z.string(),
    template: z.string(),
    media: campaignMediaSchema.nullable(),
    status: z.enum(CAMPAIGN_STATUSES),
    delayMinMs: z.number().int(),
    delayMaxMs: z.number().int(),
    dailyCap: z.number().int().nullable(),
    workingHours: workingHoursSchema.nullable(),
    counts: campaignCountsSchema,
    nextSendAt: z.string().nullable().describe('When the next recipient is due, UTC ISO-8601'),
    eta: z.string().nullable().describe('Estimated finish (delays, daily cap and working hours)'),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({
    id: 'Campaign',
    example: {
      id: 'cmp_0193a1b2c3d40000c0ffee01',
      session: 'shop',
      name: 'Spring menu',
      template: '{Hi|Hello} [name], our spring menu is here 🌷 Reply STOP to opt out.',
      media: null,
      status: 'running',
      delayMinMs: 3000,
      delayMaxMs: 8000,
      dailyCap: 500,
      workingHours: { timeZone: 'Asia/Jerusalem', from: '09:00', until: '18:00' },
      counts: {
        total: 120,
        pending: 71,
        sending: 1,
        sent: 40,
        failed: 1,
        invalid: 2,
        notOnWhatsApp: 3,
        optedOut: 2,
        skipped: 0,
      },
      nextSendAt: '2026-11-21T10:15:05.000Z',
      eta: '2026-11-21T10:22:00.000Z',
      createdAt: '2026-11-21T10:00:00.000Z',
      startedAt: '2026-11-21T10:00:00.000Z',
      finishedAt: null,
    },
  });
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignListSchema = z
  .object({ items: z.array(campaignSchema), next: z.string().nullable() })
  .meta({ id: 'CampaignList', example: { items: [exampleOf(campaignSchema)], next: null } });

export const campaignListQuery = z
  .object({
    status: z.enum(CAMPAIGN_STATUSES).optional(),
    session: sessionIdSchema.optional(),
  })
  .strict();

const campaignRecipientSchema = z
  .object({
    id: z.number().int(),
    position: z.number().int(),
    input: z.string().describe('As given'),
    jid: z.string().nullable(),
    variables: z.record(z.string(), z.string()),
    status: z.enum(RECIPIENT_STATUSES),
    error: z.string().nullable(),
    messageId: z.string().nullable(),
    sentAt: z.string().nullable(),
  })
  .meta({
    id: 'CampaignRecipient',
    example: {
      id: 5012,
      position: 1,
      input: '+972501234567',
      jid: '972501234567@s.whatsapp.net',
      variables: { name: 'Dana', phone: '+972501234567' },
      status: 'sent',
      error: null,
      messageId: '3EB0A1B2C3D4E5F60718',
      sentAt: '2026-11-21T10:00:04.000Z',
    },
  });
export type CampaignRecipient = z.infer<typeof campaignRecipientSchema>;

export const recipientListQuery = z
  .object({
    status: z.enum(RECIPIENT_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    cursor: z.string().regex(/^\d+$/, 'must be a cursor this API returned').optional(),
  })
  .strict();

export const recipientListSchema = z
  .object({ items: z.array(campaignRecipientSchema), next: z.string().nullable() })
  .meta({ id: 'CampaignRecipientList', example: { items: [exampleOf(campaignRecipientSchema)], next: '1' } });

export const campaignPreviewInput = z
  .object({
    session: sessionIdSchema.optional().describe('Marks numbers on its opt-out list'),
    template: z.string().trim().min(1, 'must not be empty').max(4096),
    recipients: recipientsInputSchema,
    limit: z.number().int().min(1).max(50).default(3),
  })
  .strict()
  .meta({
    example: {
      session: 'shop',
      template: '{Hi|Hello} [name], our spring menu is here 🌷',
      recipients: { source: 'list', text: '+972501234567, Dana\nnot a number, Avi' },
      limit: 3,
    },
  });

export const campaignPreviewSchema = z
  .object({
    messages: z.array(
      z.object({
        input: z.string(),
        to: z.string(),
        text: z.string(),
        variables: z.record(z.string(), z.string()),
      }),
    ),
    counts: z.object({
      total: z.number().int(),
      valid: z.number().int(),
      invalid: z.number().int(),
      duplicates: z.number().int(),
      optedOut: z.number().int(),
    }),
    invalid: z.array(z.object({ input: z.string(), error: z.string() })).describe('First invalid entries'),
    placeholders: z.array(z.string()).describe('Placeholders the recipients can fill'),
  })
  .meta({
    id: 'CampaignPreview',
    example: {
      messages: [
        {
          input: '+972501234567',
          to: '+972501234567',
          text: 'Hello Dana, our spring menu is here 🌷',
          variables: { name: 'Dana', phone: '+972501234567' },
        },
      ],
      counts: { total: 2, valid: 1, invalid: 1, duplicates: 0, optedOut: 0 },
      invalid: [{ input: 'not a number', error: 'not a phone number in international format' }],
      placeholders: ['name', 'phone'],
    },
  });
export type CampaignPreview = z.infer<typeof campaignPreviewSchema>;

export const csvPreviewInput = z
  .object({ csv: z.string().max(5_000_000) })
  .strict()
  .meta({ example: { csv: 'Phone,Name,Table\n+972501234567,Dana,12\n+972507654321,Avi,4' } });
export const csvPreviewSchema = z
  .object({
    headers: z.array(z.string()),
    rows: z.array(z.record(z.string(), z.string())).describe('The first rows'),
    total: z.number().int().describe('Data rows (without the header)'),
    phoneColumn: z.string().nullable().describe('The column that looks like phone numbers'),
    nameColumn: z.string().nullable(),
  })
  .meta({
    id: 'CsvPreview',
    example: {
      headers: ['Phone', 'Name', 'Table'],
      rows: [
        { Phone: '+972501234567', Name: 'Dana', Table: '12' },
        { Phone: '+972507654321', Name: 'Avi', Table: '4' },
      ],
      total: 2,
      phoneColumn: 'Phone',
      nameColumn: 'Name',
    },
  });
export type CsvPreview = z.infer<typeof csvPreviewSchema>;

// ---------------------------------------------------------------------------------------------
// Opt-outs
// ---------------------------------------------------------------------------------------------

export const optOutSchema = z
  .object({
    session: z.string(),
    jid: z.string(),
    phone: z.string().nullable(),
    reason: z.enum(['stop_reply', 'manual']),
    createdAt: z.string(),
  })
  .meta({
    id: 'OptOut',
    example: {
      session: 'shop',
      jid: '972507654321@s.whatsapp.net',
      phone: '972507654321',
      reason: 'stop_reply',
      createdAt: '2026-11-21T10:30:00.000Z',
    },
  });
export type OptOut = z.infer<typeof optOutSchema>;

export const optOutListSchema = z
  .object({ items: z.array(optOutSchema), next: z.string().nullable() })
  .meta({ id: 'OptOutList', example: { items: [exampleOf(optOutSchema)], next: null } });

export const addOptOutInput = z
  .object({
    session: sessionIdSchema,
    phone: z.string().min(1, 'is required').describe('Phone number or JID'),
  })
  .strict()
  .meta({ example: { session: 'shop', phone: '+972 50-765-4321' } });

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

export interface ScheduleSentEvent {
  schedule: Schedule;
  messageId: string;
}
export interface ScheduleFailedEvent {
  schedule: Schedule;
  error: string;
}
export interface CampaignProgressEvent {
  campaign: Campaign;
}

// ---------------------------------------------------------------------------------------------
// RPC operations
// ---------------------------------------------------------------------------------------------

const idInput = z.object({ id: z.string().min(1) }).strict();

/**
 * Scheduling and campaigns are for owners and admins among people (agents work in chats only);
 * keys keep their scopes.
 */
const SCHEDULING_READ = { ...READ_MESSAGES, people: 'admin' } as const;
const SCHEDULING_SEND = { ...SEND_MESSAGES, people: 'admin' } as const;
const schedulingReadSession = { ...readSession, people: 'admin' } as const;
const schedulingSendSession = { ...sendInSession, people: 'admin' } as const;

export const scheduleOperations = {
  'schedules.list': op<{ items: Schedule[]; next: string | null }>()(
    scheduleListQuery,
    schedulingReadSession,
  ),
  'schedules.get': op<Schedule>()(idInput, SCHEDULING_READ),
  /**
   * `idempotencyKey` is the /rpc caller's Idempotency-Key (the UI sends one per draft): a retry
   * with it answers the first schedule. REST callers send the `Idempotency-Key` header instead.
   */
  'schedules.create': op<Schedule>()(
    createScheduleInput.extend({ idempotencyKey: idempotencyKeySchema.optional() }),
    schedulingSendSession,
  ),
  'schedules.update': op<Schedule>()(updateScheduleInput.extend({ id: z.string().min(1) }), SCHEDULING_SEND),
  'schedules.cancel': op<Schedule>()(idInput, SCHEDULING_SEND),
  'schedules.settings': op<ScheduleSettings>()(z.object({}).strict(), SCHEDULING_READ),
  'schedules.updateSettings': op<ScheduleSettings>()(scheduleSettingsSchema, ADMIN_ONLY),
  'campaigns.list': op<{ items: Campaign[]; next: string | null }>()(
    campaignListQuery,
    schedulingReadSession,
  ),
  'campaigns.get': op<Campaign>()(idInput, SCHEDULING_READ),
  'campaigns.create': op<Campaign>()(createCampaignInput, schedulingSendSession),
  'campaigns.pause': op<Campaign>()(idInput, SCHEDULING_SEND),
  'campaigns.resume': op<Campaign>()(idInput, SCHEDULING_SEND),
  'campaigns.cancel': op<Campaign>()(idInput, SCHEDULING_SEND),
  'campaigns.recipients': op<{ items: CampaignRecipient[]; next: string | null }>()(
    recipientListQuery.extend({
      id: z.string().min(1),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    SCHEDULING_READ,
  ),
  'campaigns.preview': op<CampaignPreview>()(campaignPreviewInput, schedulingSendSession),
  'campaigns.csvPreview': op<CsvPreview>()(csvPreviewInput, SCHEDULING_SEND),
  'optOuts.list': op<{ items: OptOut[]; next: string | null }>()(
    z.object({ session: sessionIdSchema.optional() }).strict(),
    schedulingReadSession,
  ),
  'optOuts.add': op<OptOut>()(addOptOutInput, schedulingSendSession),
  'optOuts.remove': op<{ removed: boolean }>()(
    z.object({ session: sessionIdSchema, jid: z.string().min(1) }).strict(),
    { ...schedulingSendSession, limits: ['delete'] },
  ),
};
