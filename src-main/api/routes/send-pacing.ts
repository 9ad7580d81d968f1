import { sendPacingSchema, sendPacingUpdateSchema } from '../../../src-shared/contract/send-pacing.js';
import { sendPacingHandlers } from '../../rpc/send-pacing-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { sessionParams } from './common.js';
import { sessionBodyInput, sessionInput } from './session-input.js';

const PACED =
  'When on (the default), a send by an API key to a group the number is in is checked, answered **202** with ' +
  'the message as it will be sent (`status: "pending"`, `sendAt`, its WhatsApp `id`) and goes out after a ' +
  'random pause (2–5 s; CHATDOCK_GROUP_PACE_MS), even if Chatdock restarts meanwhile. `message.paced` ' +
  'announces it; `message.sent` with the same `id` follows.';

/** Human-paced group sends per number: adapters onto `sendPacing.*` (issue #26 point 5). */
export function sendPacingRoutes(services: Services) {
  const route = operationRoutes(sendPacingHandlers(services));
  return [
    route('sendPacing.get', {
      method: 'get',
      path: '/sessions/:id/pacing',
      tag: 'sessions',
      summary: "Whether this number's API sends to groups wait a human pause",
      description: PACED,
      params: sessionParams,
      input: sessionInput,
      response: { status: 200, description: 'The pacing of this number', schema: sendPacingSchema },
    }),
    route('sendPacing.update', {
      method: 'put',
      path: '/sessions/:id/pacing',
      tag: 'sessions',
      summary: "Turn the human pause of this number's API sends to groups on or off",
      description: `${PACED} Off: they go out at once (201), like every other send.`,
      params: sessionParams,
      body: sendPacingUpdateSchema,
      input: sessionBodyInput,
      response: { status: 200, description: 'The pacing of this number now', schema: sendPacingSchema },
    }),
  ];
}
