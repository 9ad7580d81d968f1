import { z } from 'zod';
import { keyUsageSchema } from '../../../src-shared/contract/key-usage.js';
import type { Services } from '../../services/index.js';
import { keyUsageHandlers } from '../../rpc/key-usage-handlers.js';
import { csrfTokenOf } from '../auth.js';
import { operationRoute, type RestContext } from '../operation-route.js';

const params = z.object({ id: z.string().min(1) });
const query = z.object({
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(90)
    .optional()
    .describe('How many days back, today included (default 30)'),
});
const ABOUT =
  'Requests per UTC day by kind (`read`, `send`, `write`, `delete`, `admin`), answers 4xx and 5xx, and the ' +
  'last use (time and address). Counted in memory and written every few seconds.';

export function keyUsageRoutes(services: Services) {
  const ops = keyUsageHandlers(services);
  const rest: RestContext = (ctx, principal) => ({
    transport: 'http',
    principal,
    csrfToken: csrfTokenOf(ctx),
    address: ctx.socket.remoteAddress ?? null,
  });
  const response = { status: 200, description: 'Usage per day', schema: keyUsageSchema };
  return [
    operationRoute(
      ops,
      'keyUsage.ofKey',
      {
        method: 'get',
        path: '/keys/:id/usage',
        tag: 'keys',
        summary: 'Usage of a key (named, session, admin key or a personal token)',
        description: ABOUT,
        params,
        query,
        response,
      },
      rest,
    ),
    operationRoute(
      ops,
      'keyUsage.ofToken',
      {
        method: 'get',
        path: '/auth/tokens/:id/usage',
        tag: 'auth',
        summary: 'Usage of one of my personal tokens',
        description: ABOUT,
        params,
        query,
        response,
      },
      rest,
    ),
  ];
}
