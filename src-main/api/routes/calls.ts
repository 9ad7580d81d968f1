import { z } from 'zod';
import { callSettingsSchema } from '../../../src-shared/contract/calls.js';
import type { CallLogEntry } from '../../../src-shared/contract/calls.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { exampleOf } from '../../../src-shared/examples.js';
import { callSchema } from '../../../src-shared/messages.js';
import { callHandlers } from '../../rpc/call-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { sessionParams } from './common.js';
import { sessionBodyInput } from './session-input.js';

const callParams = z.object({ id: sessionIdSchema, callId: z.string().min(1) });
type SessionRequest = { params: { id: string; callId?: string }; query?: object; body?: object };
/** `/sessions/:id/calls…` → the operations' `session`, with the query's or body's fields. */
const callInput = ({ params: { id, ...params }, query, body }: SessionRequest) => ({
  ...query,
  ...body,
  ...params,
  session: id,
});

/**
 * The call log and call settings: adapters onto the `calls.*` operations (access and handler live
 * there). REST's log is older than the panel's: its lists carry `next`, its entries no `name`.
 */
export function callRoutes(services: Services) {
  const route = operationRoutes(callHandlers(services));
  const tag = 'calls';
  return [
    route('calls.list', {
      method: 'get',
      path: '/sessions/:id/calls',
      tag,
      summary: 'The call log, newest first',
      params: sessionParams,
      query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      input: callInput,
      response: {
        status: 200,
        description: 'Calls',
        schema: z
          .object({ items: z.array(callSchema), next: z.null() })
          .meta({ id: 'CallList', example: { items: [exampleOf(callSchema)], next: null } }),
      },
      answer: (entries: CallLogEntry[]) => ({
        items: entries.map(({ name: _name, ...call }) => call),
        next: null,
      }),
    }),
    route('calls.listAll', {
      method: 'get',
      path: '/calls',
      tag,
      summary: 'The call log of every number the caller may read, newest first',
      description:
        "A session key reads its own number's calls; a person the numbers they may read all chats of.",
      query: z.object({
        limit: z.coerce.number().int().min(1).max(500).default(100),
        cursor: z
          .string()
          .regex(/^\d+\.\d+$/, 'must be a cursor this API returned')
          .optional(),
      }),
      response: {
        status: 200,
        description: 'Calls',
        schema: z
          .object({ items: z.array(callSchema), next: z.string().nullable() })
          .meta({ id: 'CallPage', example: { items: [exampleOf(callSchema)], next: '1767225600000.42' } }),
      },
    }),
    route('calls.reject', {
      method: 'post',
      path: '/sessions/:id/calls/:callId/reject',
      tag,
      summary: 'Reject a ringing call, optionally with a message to the caller',
      params: callParams,
      body: z
        .object({ message: z.string().trim().max(1000).optional() })
        .strict()
        .meta({ example: { message: 'Sorry, we cannot take calls. Please write to us here.' } }),
      input: callInput,
      response: { status: 200, description: 'The call', schema: callSchema },
    }),
    route('calls.settings', {
      method: 'get',
      path: '/sessions/:id/calls/settings',
      tag,
      summary: 'How incoming calls are handled',
      params: sessionParams,
      input: sessionBodyInput,
      response: { status: 200, description: 'Call settings', schema: callSettingsSchema },
    }),
    route('calls.updateSettings', {
      method: 'put',
      path: '/sessions/:id/calls/settings',
      tag,
      summary: 'Reject calls automatically, with a message (default off)',
      params: sessionParams,
      body: callSettingsSchema,
      input: sessionBodyInput,
      response: { status: 200, description: 'Call settings', schema: callSettingsSchema },
    }),
  ];
}
