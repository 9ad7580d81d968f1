// Path parameters and route descriptions that several route files share, defined once.
import { z } from 'zod';
import { taggingExtraSchema } from '../../../src-shared/contract/organize.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';

export const sessionParams = z.object({ id: sessionIdSchema });
export const chatParams = z.object({ id: sessionIdSchema, chat: z.string().min(1) });
export const messageParams = z.object({ id: sessionIdSchema, msgId: z.string().min(1) });
export const webhookIdParams = z.object({ id: z.string().min(1).describe('Webhook id (`wh_…`)') });
/** Schedules and campaigns are addressed by their own ids (`sch_…`, `cmp_…`). */
export const recordIdParams = z.object({ id: z.string().min(1) });

export const IDEMPOTENT =
  'Send `Idempotency-Key` to make retries safe: a retry with the same key (within 24 hours) gets the first ' +
  'answer and creates nothing.';

export const taggingBody = z
  .object({ extra: taggingExtraSchema.optional() })
  .strict()
  .meta({ example: { extra: { rule: 'order-intent', score: 0.9 } } });

/**
 * `before` is the page cursor (`next` of the previous page, an integer) or a time (ISO-8601 with
 * offset): a cursor came first, so integers keep meaning it; `since` takes either form of time.
 */
const historyBefore = z.string().transform((value, ctx): { cursor?: number; time?: number } => {
  if (/^\d{1,15}$/.test(value)) return { cursor: Number(value) };
  const time = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    ctx.addIssue({ code: 'custom', message: 'must be `next` of the previous page or an ISO-8601 time' });
    return z.NEVER;
  }
  return { time };
});

const historySince = z.string().transform((value, ctx) => {
  const time = /^\d{1,10}$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  if (Number.isNaN(time)) {
    ctx.addIssue({ code: 'custom', message: 'must be ISO-8601 or unix seconds' });
    return z.NEVER;
  }
  return time;
});

export const tagHistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: historyBefore
    .optional()
    .describe('`next` of the previous page, or an ISO-8601 time: only older changes'),
  since: historySince.optional().describe('ISO-8601 or unix seconds: only changes at or after this time'),
  actor: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(120)
    .optional()
    .describe('Only changes by this actor: its name exactly as `actor` shows it (e.g. "Olive", "API: crm")'),
});

/** The tag history options of the service, from the validated query. */
export function historyOptions(query: z.output<typeof tagHistoryQuery>) {
  return {
    limit: query.limit,
    before: query.before?.cursor,
    beforeTime: query.before?.time,
    since: query.since,
    actor: query.actor,
  };
}

export const TAGGING_RULES =
  'Tagging a message also tags its chat; removing a tag from a chat also removes it from its messages. ' +
  'Each change is recorded (who, when, `extra`) in the tag history and announced as `chat.tagged` / ' +
  '`message.tagged` (`action`: `added` or `removed`) to webhooks and the event stream. Adding a tag that ' +
  'is already there, or removing one that is not, changes nothing and announces nothing.';

/** A list's REST answer from an operation's `{items}`: with `next: null` (the whole list, one page). */
export const onePage = <T>({ items }: { items: T[] }) => ({ items, next: null });
