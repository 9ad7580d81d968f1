import {
  createScheduleInput,
  scheduleListQuery,
  scheduleListSchema,
  scheduleSchema,
  scheduleSettingsSchema,
  updateScheduleInput,
} from '../../../src-shared/contract/schedule.js';
import type { Services } from '../../services/index.js';
import { checkSession } from '../../services/access/authorizer.js';
import { defineRoute } from '../route.js';
import { IDEMPOTENT, ownSessionOr, recordIdParams } from './common.js';

const SCHEDULING =
  '`sendAt` must carry an offset (`Z` or `+02:00`). A schedule due while Chatdock was closed or the session ' +
  'offline is sent as soon as it can be, unless it is overdue by more than the miss limit (`/schedules/settings`): ' +
  'then it is marked `missed`. Each send is claimed before it is made, so nothing is sent twice, also across restarts.';

export function scheduleRoutes({ scheduling }: Services) {
  const { schedules } = scheduling;
  const tag = 'schedules';
  return [
    defineRoute({
      method: 'get',
      path: '/schedules/settings',
      tag,
      summary: 'Scheduling settings (the miss limit)',
      access: { scope: 'messages:read' },
      response: { status: 200, description: 'The settings', schema: scheduleSettingsSchema },
      handler: () => {
        return schedules.getSettings();
      },
    }),
    defineRoute({
      method: 'put',
      path: '/schedules/settings',
      tag,
      summary: 'Change the scheduling settings',
      access: { scope: 'admin' },
      body: scheduleSettingsSchema,
      response: { status: 200, description: 'The settings', schema: scheduleSettingsSchema },
      handler: ({ body }) => {
        return schedules.updateSettings(body);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/schedules',
      tag,
      summary: 'Schedule a message',
      description: `Any message the send endpoint accepts, once or repeating (daily, weekly, monthly or cron, in \`timeZone\`). ${SCHEDULING} ${IDEMPOTENT}`,
      largeBody: true,
      access: { scope: 'messages:send', session: ({ body }) => body.session },
      body: createScheduleInput,
      idempotent: true,
      response: { status: 201, description: 'The schedule', schema: scheduleSchema },
      handler: ({ body, idempotencyKey }) => {
        return schedules.create(body, idempotencyKey);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/schedules',
      tag,
      summary: 'List schedules',
      description:
        'Soonest first. Filter by `status` and `session`; page with `cursor` = the previous `next`.',
      access: { scope: 'messages:read' },
      query: scheduleListQuery,
      response: { status: 200, description: 'One page of schedules', schema: scheduleListSchema },
      handler: ({ query, principal }) => {
        return schedules.list({ ...query, session: ownSessionOr(principal, query.session) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/schedules/:id',
      tag,
      summary: 'Get a schedule',
      access: { scope: 'messages:read' },
      params: recordIdParams,
      response: { status: 200, description: 'The schedule', schema: scheduleSchema },
      handler: ({ params, principal }) => {
        const schedule = schedules.get(params.id);
        checkSession(principal, schedule.session);
        return schedule;
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/schedules/:id',
      tag,
      summary: 'Edit a pending schedule',
      description: 'Only the fields given change. Sent, failed, missed and cancelled schedules answer 409.',
      largeBody: true,
      access: { scope: 'messages:send' },
      params: recordIdParams,
      body: updateScheduleInput,
      response: { status: 200, description: 'The schedule', schema: scheduleSchema },
      handler: ({ params, body, principal }) => {
        checkSession(principal, schedules.get(params.id).session);
        return schedules.update(params.id, body);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/schedules/:id',
      tag,
      summary: 'Cancel a pending schedule',
      description: 'The schedule stays listed with status `cancelled`.',
      access: { scope: 'messages:send' },
      params: recordIdParams,
      response: { status: 200, description: 'The cancelled schedule', schema: scheduleSchema },
      handler: ({ params, principal }) => {
        checkSession(principal, schedules.get(params.id).session);
        return schedules.cancel(params.id);
      },
    }),
  ];
}
