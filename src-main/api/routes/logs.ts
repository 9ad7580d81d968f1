import { logListSchema, logsQuery } from '../../../src-shared/contract/logs.js';
import { logHandlers } from '../../rpc/log-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';

/** The log ring: an adapter onto `logs.list` (access and handler live there). */
export function logRoutes(services: Services) {
  const route = operationRoutes(logHandlers(services));
  return [
    route('logs.list', {
      method: 'get',
      path: '/logs',
      tag: 'logs',
      summary: 'Recent log lines',
      description:
        'From an in-memory ring of the last 2,000 lines (keys, tokens and secrets are redacted). ' +
        'Poll with `since` = the time of the last line you have. Needs the admin key or the `admin` scope.',
      query: logsQuery,
      response: { status: 200, description: 'Matching lines, oldest first', schema: logListSchema },
    }),
  ];
}
