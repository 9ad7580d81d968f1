import {
  configureRetentionInput,
  housekeepingStatusSchema,
} from '../../../src-shared/contract/housekeeping.js';
import { backupHandlers } from '../../rpc/backup-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';

const ADMIN_NOTE = 'Needs the admin key or the `admin` scope: retention deletes history for good.';

/** Retention and vacuum: adapters onto the `housekeeping.*` operations (admin only, declared there). */
export function housekeepingRoutes(services: Services) {
  const tag = 'storage';
  const route = operationRoutes(backupHandlers(services));
  return [
    route('housekeeping.status', {
      method: 'get',
      path: '/housekeeping',
      tag,
      summary: 'Retention rules, the pass under way or the last one, and how much the database can shrink',
      description: ADMIN_NOTE,
      response: { status: 200, description: 'The housekeeping status', schema: housekeepingStatusSchema },
    }),
    route('housekeeping.configure', {
      method: 'put',
      path: '/housekeeping/retention',
      tag,
      summary: 'Set the retention rules (old media; old messages per number)',
      description:
        'Fields left out keep their value; a number set to null keeps all its messages again. Nothing is ' +
        'removed until the next pass: daily while a rule is set, or `POST /housekeeping/run`. Removed media ' +
        `leave the message with \`media.removedAt\`; deleted messages are gone from every list and search. ${ADMIN_NOTE}`,
      body: configureRetentionInput,
      response: { status: 200, description: 'The housekeeping status', schema: housekeepingStatusSchema },
    }),
    route('housekeeping.run', {
      method: 'post',
      path: '/housekeeping/run',
      tag,
      summary: 'Run a retention pass now',
      description: `Answers at once; poll \`GET /housekeeping\` for \`running\`. 409 while one runs. ${ADMIN_NOTE}`,
      response: { status: 202, description: 'The pass started', schema: housekeepingStatusSchema },
    }),
  ];
}
