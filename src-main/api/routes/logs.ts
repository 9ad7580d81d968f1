import { logListSchema, logsQuery } from '../../../src-shared/contract/logs.js';
import type { Services } from '../../services/index.js';
import { defineRoute } from '../route.js';

export function logRoutes({ logs }: Services) {
  return [
    defineRoute({
      method: 'get',
      path: '/logs',
      tag: 'logs',
      summary: 'Recent log lines',
      description:
        'From an in-memory ring of the last 2,000 lines (keys, tokens and secrets are redacted). ' +
        'Poll with `since` = the time of the last line you have. Needs the admin key or the `admin` scope.',
      access: { scope: 'admin' },
      query: logsQuery,
      response: { status: 200, description: 'Matching lines, oldest first', schema: logListSchema },
      handler: ({ query }) => {
        return logs.query(query);
      },
    }),
  ];
}
