import { Readable } from 'node:stream';
import { z } from 'zod';
import {
  campaignReportInput,
  campaignReportSchema,
  liveBoardInput,
  liveBoardSchema,
  REPORT_TABLES,
  reportOverviewSchema,
  reportQueryInput,
} from '../../../src-shared/contract/reports.js';
import { reportHandlers } from '../../rpc/report-handlers.js';
import type { Services } from '../../services/index.js';
import { reportCsv } from '../../../src-shared/report-csv.js';
import { csrfTokenOf } from '../auth.js';
import { operationRoute, type RestContext } from '../operation-route.js';
import { defineRoute } from '../route.js';

const METRICS = 'Each metric is defined in docs/API.md “Reports”.';

/**
 * Reports (issue #24): thin adapters onto the `reports.*` operations, so the authorizer decides
 * as for /rpc (an agent sees their own conversations), and each table as a streamed CSV file.
 */
export function reportRoutes(services: Services) {
  const ops = reportHandlers(services);
  const rest: RestContext = (ctx, principal) => ({
    transport: 'http',
    principal,
    csrfToken: csrfTokenOf(ctx),
    address: ctx.socket.remoteAddress ?? null,
  });
  const tag = 'reports';
  return [
    operationRoute(
      ops,
      'reports.overview',
      {
        method: 'get',
        path: '/reports/overview',
        tag,
        summary: 'The figures of a period: headline, trend, busiest hours, per person, team, tag and number',
        description: `Days are local dates in \`timeZone\` (default: the number's automation time zone). Agents get their own conversations (\`scope: own\`). ${METRICS}`,
        query: reportQueryInput,
        response: { status: 200, description: 'The report', schema: reportOverviewSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'reports.campaigns',
      {
        method: 'get',
        path: '/reports/campaigns',
        tag,
        summary: 'Campaigns active in a period: sent, delivered, read, replied, opted out, failed',
        description: `Owners and admins (and keys with \`messages:read\`). ${METRICS}`,
        query: campaignReportInput,
        response: { status: 200, description: 'One row per campaign', schema: campaignReportSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'reports.live',
      {
        method: 'get',
        path: '/reports/live',
        tag,
        summary: 'Now: who is available and the chats they hold, what waits per team',
        description:
          'Owners and admins (and keys with `messages:read`). Read when asked; the app asks again on chat events.',
        query: liveBoardInput,
        response: { status: 200, description: 'The live board', schema: liveBoardSchema },
      },
      rest,
    ),
    defineRoute({
      method: 'get',
      path: '/reports/:table/csv',
      tag,
      summary: 'One report table as CSV',
      description:
        '`people`, `teams`, `tags`, `numbers`, `trend`, `hours` (weekday × hour) or `campaigns`, for the same ' +
        'query as GET /reports/overview. UTF-8 with a BOM, CRLF lines (RFC 4180), durations in seconds; cells a ' +
        'spreadsheet would run as a formula start with an apostrophe. The campaigns table needs the rights of ' +
        'GET /reports/campaigns.',
      access: { scope: 'messages:read', people: 'read', session: ({ query }) => query.session },
      params: z.object({ table: z.enum(REPORT_TABLES) }),
      query: reportQueryInput,
      response: { status: 200, description: 'The CSV file', contentType: 'text/csv' },
      handler: async ({ params, query, ctx, principal }) => {
        const input = query;
        const context = rest(ctx, principal);
        // Computed before the first byte, so a refusal is still a JSON error with its status.
        const overview = params.table === 'campaigns' ? null : await ops['reports.overview'](input, context);
        const campaigns =
          params.table === 'campaigns'
            ? await ops['reports.campaigns'](
                { from: input.from, to: input.to, timeZone: input.timeZone, session: input.session },
                context,
              )
            : null;
        ctx.type = 'text/csv; charset=utf-8';
        ctx.attachment(`report-${params.table}-${input.from}-${input.to}.csv`);
        ctx.body = Readable.from(
          reportCsv(
            params.table,
            () => overview as never,
            () => campaigns as never,
          ),
        );
        return undefined;
      },
    }),
  ];
}
