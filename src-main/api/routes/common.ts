// Path parameters and route descriptions that several route files share, defined once.
import { z } from 'zod';
import { taggingExtraSchema } from '../../../src-shared/contract/organize.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import type { KeyPrincipal } from '../../services/access/api-keys.js';
import { ownSessionOf } from '../../services/access/authorizer.js';

export const sessionParams = z.object({ id: sessionIdSchema });
export const chatParams = z.object({ id: sessionIdSchema, chat: z.string().min(1) });
export const messageParams = z.object({ id: sessionIdSchema, msgId: z.string().min(1) });
export const webhookIdParams = z.object({ id: z.string().min(1).describe('Webhook id (`wh_…`)') });
/** Schedules and campaigns are addressed by their own ids (`sch_…`, `cmp_…`). */
export const recordIdParams = z.object({ id: z.string().min(1) });

/** A session key sees and changes only its own session's schedules, campaigns and opt-outs. */
export function ownSessionOr(principal: KeyPrincipal, requested?: string): string | undefined {
  return ownSessionOf(principal) ?? requested;
}

export const IDEMPOTENT =
  'Send `Idempotency-Key` to make retries safe: a retry with the same key (within 24 hours) gets the first ' +
  'answer and creates nothing.';

export const taggingBody = z
  .object({ extra: taggingExtraSchema.optional() })
  .strict()
  .meta({ example: { extra: { rule: 'order-intent', score: 0.9 } } });

export const tagHistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().optional().describe('`next` of the previous page'),
});

export const TAGGING_RULES =
  'Tagging a message also tags its chat; removing a tag from a chat also removes it from its messages. ' +
  'Each change is recorded (who, when, `extra`) in the tag history and announced as `chat.tagged` / ' +
  '`message.tagged` (`action`: `added` or `removed`) to webhooks and the event stream. Adding a tag that ' +
  'is already there, or removing one that is not, changes nothing and announces nothing.';
