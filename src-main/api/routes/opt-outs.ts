import { z } from 'zod';
import { addOptOutInput, optOutListSchema, optOutSchema } from '../../../src-shared/contract/schedule.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import type { Services } from '../../services/index.js';
import { defineRoute } from '../route.js';
import { ownSessionOr } from './common.js';

const optOutParams = z.object({
  session: sessionIdSchema,
  jid: z.string().min(1).describe('JID or phone number'),
});

export function optOutRoutes({ scheduling }: Services) {
  const { optOuts } = scheduling;
  return [
    defineRoute({
      method: 'get',
      path: '/opt-outs',
      tag: 'campaigns',
      summary: 'Numbers that never get campaign messages',
      description: 'Added when someone replies STOP (or unsubscribe, stop all…), or by hand.',
      access: { scope: 'messages:read' },
      query: z.object({ session: sessionIdSchema.optional() }),
      response: { status: 200, description: 'Newest first', schema: optOutListSchema },
      handler: ({ query, principal }) => {
        return { items: optOuts.list(ownSessionOr(principal, query.session)), next: null };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/opt-outs',
      tag: 'campaigns',
      summary: 'Add a number to the opt-out list',
      access: { scope: 'messages:send', session: ({ body }) => body.session },
      body: addOptOutInput,
      response: { status: 201, description: 'The entry', schema: optOutSchema },
      handler: ({ body }) => {
        return optOuts.add(body.session, body.phone);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/opt-outs/:session/:jid',
      tag: 'campaigns',
      summary: 'Remove a number from the opt-out list',
      access: { scope: 'messages:send', session: ({ params }) => params.session },
      params: optOutParams,
      response: { status: 204, description: 'Removed (or was not listed)' },
      handler: ({ params }) => {
        optOuts.remove(params.session, params.jid);
      },
    }),
  ];
}
