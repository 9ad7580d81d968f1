import { z } from 'zod';
import { addOptOutInput, optOutListSchema, optOutSchema } from '../../../src-shared/contract/schedule.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { scheduleHandlers } from '../../rpc/schedule-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';

const optOutParams = z.object({
  session: sessionIdSchema,
  jid: z.string().min(1).describe('JID or phone number'),
});

/** The opt-out list: adapters onto the `optOuts.*` operations (access declared there). */
export function optOutRoutes(services: Services) {
  const route = operationRoutes(scheduleHandlers(services));
  return [
    route('optOuts.list', {
      method: 'get',
      path: '/opt-outs',
      tag: 'campaigns',
      summary: 'Numbers that never get campaign messages',
      description: 'Added when someone replies STOP (or unsubscribe, stop all…), or by hand.',
      query: z.object({ session: sessionIdSchema.optional() }),
      response: { status: 200, description: 'Newest first', schema: optOutListSchema },
    }),
    route('optOuts.add', {
      method: 'post',
      path: '/opt-outs',
      tag: 'campaigns',
      summary: 'Add a number to the opt-out list',
      body: addOptOutInput,
      response: { status: 201, description: 'The entry', schema: optOutSchema },
    }),
    route('optOuts.remove', {
      method: 'delete',
      path: '/opt-outs/:session/:jid',
      tag: 'campaigns',
      summary: 'Remove a number from the opt-out list',
      params: optOutParams,
      response: { status: 204, description: 'Removed (or was not listed)' },
      answer: () => undefined,
    }),
  ];
}
