import {
  createScheduleInput,
  scheduleListQuery,
  scheduleListSchema,
  scheduleSchema,
  scheduleSettingsSchema,
  updateScheduleInput,
} from '../../../src-shared/contract/schedule.js';
import { scheduleHandlers } from '../../rpc/schedule-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { IDEMPOTENT, recordIdParams } from './common.js';

const SCHEDULING =
  '`sendAt` must carry an offset (`Z` or `+02:00`). A schedule due while Chatdock was closed or the session ' +
  'offline is sent as soon as it can be, unless it is overdue by more than the miss limit (`/schedules/settings`): ' +
  'then it is marked `missed`. Each send is claimed before it is made, so nothing is sent twice, also across restarts.';

/** Scheduled messages: adapters onto the `schedules.*` operations (access declared there). */
export function scheduleRoutes(services: Services) {
  const tag = 'schedules';
  const route = operationRoutes(scheduleHandlers(services));
  return [
    route('schedules.settings', {
      method: 'get',
      path: '/schedules/settings',
      tag,
      summary: 'Scheduling settings (the miss limit)',
      response: { status: 200, description: 'The settings', schema: scheduleSettingsSchema },
    }),
    route('schedules.updateSettings', {
      method: 'put',
      path: '/schedules/settings',
      tag,
      summary: 'Change the scheduling settings',
      body: scheduleSettingsSchema,
      response: { status: 200, description: 'The settings', schema: scheduleSettingsSchema },
    }),
    route('schedules.create', {
      method: 'post',
      path: '/schedules',
      tag,
      summary: 'Schedule a message',
      description: `Any message the send endpoint accepts, or a Status (\`message.type: "status"\`, as \`POST /sessions/{id}/status\` takes it), once or repeating (daily, weekly, monthly or cron, in \`timeZone\`). ${SCHEDULING} ${IDEMPOTENT}`,
      largeBody: true,
      body: createScheduleInput,
      idempotent: true,
      response: { status: 201, description: 'The schedule', schema: scheduleSchema },
    }),
    route('schedules.list', {
      method: 'get',
      path: '/schedules',
      tag,
      summary: 'List schedules',
      description:
        'Soonest first. Filter by `status` and `session`; page with `cursor` = the previous `next`.',
      query: scheduleListQuery,
      response: { status: 200, description: 'One page of schedules', schema: scheduleListSchema },
    }),
    route('schedules.get', {
      method: 'get',
      path: '/schedules/:id',
      tag,
      summary: 'Get a schedule',
      params: recordIdParams,
      response: { status: 200, description: 'The schedule', schema: scheduleSchema },
    }),
    route('schedules.update', {
      method: 'patch',
      path: '/schedules/:id',
      tag,
      summary: 'Edit a pending schedule',
      description: 'Only the fields given change. Sent, failed, missed and cancelled schedules answer 409.',
      largeBody: true,
      params: recordIdParams,
      body: updateScheduleInput,
      response: { status: 200, description: 'The schedule', schema: scheduleSchema },
    }),
    route('schedules.cancel', {
      method: 'delete',
      path: '/schedules/:id',
      tag,
      summary: 'Cancel a pending schedule',
      description: 'The schedule stays listed with status `cancelled`.',
      params: recordIdParams,
      response: { status: 200, description: 'The cancelled schedule', schema: scheduleSchema },
    }),
  ];
}
