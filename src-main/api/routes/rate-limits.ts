import { rateLimitSettingsSchema, setRateLimitsInput } from '../../../src-shared/contract/rate-limits.js';
import type { Services } from '../../services/index.js';
import { defineRoute } from '../route.js';

const KINDS_NOTE =
  'Kinds: `global` (every request, per key), `sensitive` (keys, webhooks, secrets, confirmations), `delete` ' +
  '(every DELETE), `sendPerKey` and `sendPerNumber` (chat sends). Answers carry `RateLimit-Limit`, ' +
  '`RateLimit-Remaining` and `RateLimit-Reset` for the budget nearest its end; a 429 also `Retry-After`.';

export function rateLimitRoutes({ rateLimits, actors }: Services) {
  const tag = 'settings';
  return [
    defineRoute({
      method: 'get',
      path: '/settings/rate-limits',
      tag,
      summary: 'The rate limits by kind, and their defaults',
      description: KINDS_NOTE,
      access: { scope: 'admin' },
      response: { status: 200, description: 'The rate limits', schema: rateLimitSettingsSchema },
      handler: () => rateLimits.get(),
    }),
    defineRoute({
      method: 'put',
      path: '/settings/rate-limits',
      tag,
      summary: 'Change rate limits (null resets a kind to its default)',
      description: `Kinds left out keep their limit. A change starts every budget of that kind afresh. ${KINDS_NOTE}`,
      access: { scope: 'admin', limits: ['sensitive'] },
      body: setRateLimitsInput,
      response: { status: 200, description: 'The rate limits', schema: rateLimitSettingsSchema },
      handler: ({ body, principal }) => rateLimits.set(body, actors.of(principal)),
    }),
  ];
}
