/**
 * Reports (issue #24): is the shop answering its customers, and how fast? The figures of a period
 * (local dates in the business's time zone), the per person / team / tag / number tables, the
 * busiest hours, the campaigns and the live board. The REST routes (api/routes/reports.ts) are thin
 * adapters onto these operations; docs/API.md defines every metric exactly.
 */
import { z } from 'zod';
import type { Access } from '../access.js';
import { exampleOf } from '../examples.js';
import { op } from './operation.js';
import { timeZoneSchema } from './schedule.js';
import { sessionIdSchema } from './sessions.js';

/** The longest period a report covers (a year, and a leap day). */
export const MAX_REPORT_DAYS = 366;

/** Who sent a message from our side (docs/API.md "Reports"). */
export const SENDER_KINDS = [
  'person',
  'phone',
  'automation',
  'api',
  'campaign',
  'scheduled',
  'other',
] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** A boolean from JSON or from a query string (`true` / `false`). */
const flag = z
  .union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')])
  .default(false);

const periodFields = {
  from: localDate.describe('First day of the period (a local date in `timeZone`)'),
  to: localDate.describe('Last day of the period, included'),
  timeZone: timeZoneSchema
    .optional()
    .describe("The days' and hours' zone; default the business's (the number's automation time zone)"),
  session: sessionIdSchema.optional().describe('Only this number'),
};

function checkPeriod(input: { from: string; to: string }, ctx: z.RefinementCtx) {
  const from = Date.parse(`${input.from}T00:00:00Z`);
  const to = Date.parse(`${input.to}T00:00:00Z`);
  if (Number.isNaN(from)) ctx.addIssue({ code: 'custom', path: ['from'], message: 'is not a real date' });
  else if (Number.isNaN(to)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'is not a real date' });
  else if (to < from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before `from`' });
  else if ((to - from) / 86_400_000 + 1 > MAX_REPORT_DAYS) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `the period may be at most ${MAX_REPORT_DAYS} days`,
    });
  }
}

export const reportQueryInput = z
  .strictObject({
    ...periodFields,
    team: z.string().min(1).max(64).optional().describe('Only chats assigned to this team at the time'),
    user: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe('Only chats assigned to this person at the time (agents always see their own)'),
    tag: z.string().min(1).max(64).optional().describe('Only chats carrying this tag'),
    businessHours: flag.describe('Count response and resolution times in business hours only'),
  })
  .superRefine(checkPeriod)
  .meta({ example: { from: '2026-11-01', to: '2026-11-30', businessHours: false } });
export type ReportQuery = z.output<typeof reportQueryInput>;

export const campaignReportInput = z
  .strictObject(periodFields)
  .superRefine(checkPeriod)
  .meta({ example: { from: '2026-11-01', to: '2026-11-30' } });
export type CampaignReportQuery = z.output<typeof campaignReportInput>;

const duration = z.object({
  count: z.number().int().describe('Conversations measured'),
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable().describe('90th percentile (nearest rank)'),
});

const sentSchema = z.object(
  Object.fromEntries(SENDER_KINDS.map((kind) => [kind, z.number().int()])) as Record<SenderKind, z.ZodNumber>,
);

export const reportRowSchema = z
  .object({
    id: z.string().describe('Person, team or tag id, or the number'),
    name: z.string(),
    conversations: z.number().int().describe('Conversations opened in the period'),
    resolved: z.number().int().describe('Conversations resolved in the period'),
    received: z.number().int(),
    replies: z.number().int().describe('Messages sent by people'),
    firstResponseMedianMs: z.number().nullable(),
    resolutionMedianMs: z.number().nullable(),
  })
  .meta({
    id: 'ReportRow',
    example: {
      id: 'usr_7Qm2',
      name: 'Dana Levi',
      conversations: 42,
      resolved: 39,
      received: 310,
      replies: 188,
      firstResponseMedianMs: 240_000,
      resolutionMedianMs: 5_400_000,
    },
  });
export type ReportRow = z.infer<typeof reportRowSchema>;

export const trendPointSchema = z.object({
  date: z.string().describe('The local day, YYYY-MM-DD'),
  opened: z.number().int(),
  resolved: z.number().int(),
  received: z.number().int(),
  sent: z.number().int(),
  firstResponseMedianMs: z.number().nullable(),
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

export const reportOverviewSchema = z
  .object({
    period: z.object({
      from: z.string(),
      to: z.string(),
      timeZone: z.string(),
      start: z.string().describe('UTC ISO-8601 of local midnight starting `from`'),
      end: z.string().describe('UTC ISO-8601 of local midnight after `to`'),
      businessHours: z.boolean(),
    }),
    scope: z.enum(['all', 'own']).describe('`own`: an agent sees the conversations assigned to them'),
    preparing: z
      .object({ chatsLeft: z.number().int().describe('Chats the background fold has still to index') })
      .nullable()
      .describe(
        'Not null right after an upgrade or a large history sync, while the kept conversations and message counts are being built: this report was computed the slower way (same definitions, same figures)',
      ),
    summary: z.object({
      conversationsOpened: z.number().int(),
      conversationsResolved: z.number().int(),
      messagesReceived: z.number().int(),
      messagesSent: sentSchema,
      firstResponse: duration,
      resolution: duration,
      unanswered: z.number().int().describe('Conversations opened in the period with no reply yet'),
      waitingNow: z.number().int().describe('Open chats whose newest message is the customer’s'),
      oldestWaitingSince: z.string().nullable().describe('UTC ISO-8601 of the oldest such message'),
    }),
    trend: z.array(trendPointSchema),
    busiestHours: z
      .array(z.array(z.number().int()).length(24))
      .length(7)
      .describe('Incoming messages by local weekday (0 = Monday) × hour'),
    people: z.array(reportRowSchema),
    teams: z.array(reportRowSchema),
    tags: z.array(reportRowSchema),
    numbers: z.array(reportRowSchema),
  })
  .meta({
    id: 'ReportOverview',
    example: {
      period: {
        from: '2026-11-01',
        to: '2026-11-30',
        timeZone: 'Europe/Lisbon',
        start: '2026-11-01T00:00:00.000Z',
        end: '2026-12-01T00:00:00.000Z',
        businessHours: false,
      },
      scope: 'all',
      preparing: null,
      summary: {
        conversationsOpened: 42,
        conversationsResolved: 39,
        messagesReceived: 310,
        messagesSent: {
          person: 188,
          phone: 3,
          automation: 20,
          api: 4,
          campaign: 120,
          scheduled: 2,
          other: 0,
        },
        firstResponse: { count: 40, medianMs: 240_000, p90Ms: 1_800_000 },
        resolution: { count: 39, medianMs: 5_400_000, p90Ms: 86_400_000 },
        unanswered: 2,
        waitingNow: 3,
        oldestWaitingSince: '2026-11-30T08:12:00.000Z',
      },
      trend: [
        { date: '2026-11-01', opened: 2, resolved: 1, received: 12, sent: 9, firstResponseMedianMs: 60_000 },
      ],
      busiestHours: Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0)),
      people: [exampleOf(reportRowSchema)],
      teams: [],
      tags: [],
      numbers: [],
    },
  });
export type ReportOverview = z.infer<typeof reportOverviewSchema>;

export const campaignReportSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        session: z.string(),
        name: z.string(),
        status: z.string(),
        startedAt: z.string().nullable(),
        recipients: z.number().int(),
        sent: z.number().int(),
        delivered: z.number().int().describe('Sent messages delivered (or read)'),
        read: z.number().int(),
        replied: z.number().int().describe('Recipients who wrote after their message was sent'),
        optedOut: z.number().int().describe('On the opt-out list when their turn came, or opted out since'),
        failed: z.number().int().describe('Failed or not on WhatsApp'),
      }),
    ),
  })
  .meta({
    id: 'CampaignReport',
    example: {
      items: [
        {
          id: 'cmp_9d2f',
          session: 'shop',
          name: 'Hanukkah',
          status: 'completed',
          startedAt: '2026-11-20T09:00:00.000Z',
          recipients: 500,
          sent: 480,
          delivered: 470,
          read: 350,
          replied: 61,
          optedOut: 9,
          failed: 11,
        },
      ],
    },
  });
export type CampaignReport = z.infer<typeof campaignReportSchema>;

export const liveBoardSchema = z
  .object({
    people: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        available: z.boolean().describe('The person’s availability switch'),
        openChats: z.number().int().describe('Open or snoozed chats assigned to them'),
        waiting: z.number().int().describe('Of those, chats whose newest message is the customer’s'),
      }),
    ),
    teams: z.array(
      z.object({ id: z.string(), name: z.string(), open: z.number().int(), waiting: z.number().int() }),
    ),
    unassigned: z.object({ open: z.number().int(), waiting: z.number().int() }),
    at: z.string().describe('UTC ISO-8601 of the reading'),
  })
  .meta({
    id: 'LiveBoard',
    example: {
      people: [{ id: 'usr_7Qm2', name: 'Dana Levi', available: true, openChats: 5, waiting: 1 }],
      teams: [{ id: 'team_support', name: 'Support', open: 7, waiting: 2 }],
      unassigned: { open: 3, waiting: 3 },
      at: '2026-11-30T10:00:00.000Z',
    },
  });
export type LiveBoard = z.infer<typeof liveBoardSchema>;

export const REPORT_TABLES = ['people', 'teams', 'tags', 'numbers', 'trend', 'hours', 'campaigns'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

/**
 * Any person who may read a number sees reports; the handler narrows an agent to their own
 * conversations (`scope: own`). Keys need `messages:read`; a session key only its own number.
 */
const READ_REPORTS = {
  scope: 'messages:read',
  people: 'read',
  session: (input: { session?: string }) => input.session,
} as const satisfies Access<{ session?: string }>;

/** The campaigns and the live board are about everyone's work: owners and admins (and keys). */
const READ_TEAM_REPORTS = { ...READ_REPORTS, people: 'admin' } as const satisfies Access<{
  session?: string;
}>;

export const liveBoardInput = z.strictObject({
  session: sessionIdSchema.optional().describe('Only this number'),
});

export const reportOperations = {
  'reports.overview': op<ReportOverview>()(reportQueryInput, READ_REPORTS),
  'reports.campaigns': op<CampaignReport>()(campaignReportInput, READ_TEAM_REPORTS),
  'reports.live': op<LiveBoard>()(liveBoardInput, READ_TEAM_REPORTS),
};
