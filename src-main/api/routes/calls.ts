import { z } from 'zod';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { AppError } from '../../../src-shared/errors.js';
import { exampleOf } from '../../../src-shared/examples.js';
import { callSchema } from '../../../src-shared/messages.js';
import { callSettingsSchema } from '../../services/calls/call-settings.js';
import type { Services } from '../../services/index.js';
import { readableSessions } from '../../services/access/authorizer.js';
import { defineRoute } from '../route.js';
import { sessionExists } from './session-guard.js';
import { sessionParams } from './common.js';

export function callRoutes({ messaging, sessions }: Services) {
  const tag = 'calls';
  const exists = sessionExists(sessions);
  return [
    defineRoute({
      method: 'get',
      path: '/sessions/:id/calls',
      tag,
      summary: 'The call log, newest first',
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: sessionParams,
      query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: {
        status: 200,
        description: 'Calls',
        schema: z
          .object({ items: z.array(callSchema), next: z.null() })
          .meta({ id: 'CallList', example: { items: [exampleOf(callSchema)], next: null } }),
      },
      handler: ({ params, query }) => {
        exists(params.id);
        return { items: messaging.calls.list(params.id, query.limit), next: null };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/calls',
      tag,
      summary: 'The call log of every number the caller may read, newest first',
      description:
        "A session key reads its own number's calls; a person the numbers they may read all chats of.",
      access: { scope: 'messages:read' },
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
      handler: ({ query, principal }) =>
        messaging.calls.listAcross(readableSessions(principal), query.limit, query.cursor),
    }),
    defineRoute({
      method: 'post',
      path: '/sessions/:id/calls/:callId/reject',
      tag,
      summary: 'Reject a ringing call, optionally with a message to the caller',
      access: { scope: 'messages:send', session: ({ params }) => params.id },
      params: z.object({ id: sessionIdSchema, callId: z.string().min(1) }),
      body: z
        .object({ message: z.string().trim().max(1000).optional() })
        .strict()
        .meta({ example: { message: 'Sorry, we cannot take calls. Please write to us here.' } }),
      response: { status: 200, description: 'The call', schema: callSchema },
      handler: async ({ params, body }) => {
        exists(params.id);
        const call = await messaging.calls.reject(params.id, params.callId, body.message ?? null);
        if (!call) throw new AppError('NOT_FOUND', `no call "${params.callId}"`, 'callId');
        return call;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/calls/settings',
      tag,
      summary: 'How incoming calls are handled',
      access: { scope: 'sessions:manage', session: ({ params }) => params.id },
      params: sessionParams,
      response: { status: 200, description: 'Call settings', schema: callSettingsSchema },
      handler: ({ params }) => {
        exists(params.id);
        return messaging.callSettings.get(params.id);
      },
    }),
    defineRoute({
      method: 'put',
      path: '/sessions/:id/calls/settings',
      tag,
      summary: 'Reject calls automatically, with a message (default off)',
      access: { scope: 'sessions:manage', session: ({ params }) => params.id },
      params: sessionParams,
      body: callSettingsSchema,
      response: { status: 200, description: 'Call settings', schema: callSettingsSchema },
      handler: ({ params, body }) => {
        exists(params.id);
        return messaging.callSettings.set(params.id, body);
      },
    }),
  ];
}
