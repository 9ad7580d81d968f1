import { z } from 'zod';
import { groupSettingsShape } from '../../../src-shared/contract/group-admin.js';
import { exampleOf } from '../../../src-shared/examples.js';
import { groupSchema } from '../../../src-shared/messages.js';
import { groupHandlers } from '../../rpc/group-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { sessionParams } from './common.js';
import { groupOf, groupParams } from './groups.js';

const GROUP_EXAMPLE = exampleOf(groupSchema);
const REQUESTER = {
  chat: '120363025246125486@g.us',
  jid: '972501234567@s.whatsapp.net',
  lid: '140602588397675@lid',
  phone: '972501234567',
  name: 'Dana Levi',
  method: 'invite_link',
  requestedAt: 1796900000000,
};
const joinRequestSchema = z
  .object({
    chat: z.string().describe('The group'),
    jid: z.string().describe('The phone-number JID when WhatsApp gave it, else the LID'),
    lid: z.string().nullable(),
    phone: z.string().nullable(),
    name: z.string().nullable().describe('The saved, business or profile name, when known'),
    method: z.string().nullable().describe('How they asked (`invite_link`, …)'),
    requestedAt: z.number().int().describe('Unix ms'),
  })
  .meta({ id: 'GroupJoinRequest', example: REQUESTER });
const linkBody = z
  .object({ link: z.string().min(1) })
  .strict()
  .meta({ example: { link: 'https://chat.whatsapp.com/Fk3Qx8aB2cD9eL' } });

/**
 * Group settings, join requests, and joining by invite link (issue #19): adapters onto the
 * `groups.*` operations (access and handler live there).
 */
export function groupJoinRoutes(services: Services) {
  const tag = 'groups';
  const route = operationRoutes(groupHandlers(services));
  return [
    route('groups.settings', {
      method: 'patch',
      path: '/sessions/:id/groups/:group/settings',
      tag,
      summary: 'Only admins send, only admins edit info, approve newcomers',
      description:
        'Admins only (WhatsApp answers 403 otherwise). Every member’s phone shows the change. Give at least one setting.',
      params: groupParams,
      body: z
        .object(groupSettingsShape)
        .strict()
        .meta({ example: { announce: true, joinApproval: true } }),
      input: groupOf,
      response: { status: 200, description: 'The group', schema: groupSchema },
    }),
    route('groups.joinRequests', {
      method: 'get',
      path: '/sessions/:id/groups/:group/join-requests',
      tag,
      summary: 'People waiting to join by link, oldest first',
      description:
        'From the local store (kept by WhatsApp’s events); `refresh=true` asks WhatsApp first (admins only).',
      params: groupParams,
      query: z.object({ refresh: z.enum(['true', 'false']).optional() }),
      input: ({ params, query }: { params: { id: string; group: string }; query: { refresh?: string } }) => ({
        ...groupOf({ params }),
        ...(query.refresh ? { refresh: query.refresh === 'true' } : {}),
      }),
      response: {
        status: 200,
        description: 'Open join requests',
        schema: z.object({ items: z.array(joinRequestSchema) }).meta({ example: { items: [REQUESTER] } }),
      },
    }),
    route('groups.decideJoinRequests', {
      method: 'post',
      path: '/sessions/:id/groups/:group/join-requests',
      tag,
      summary: 'Approve or reject join requests',
      description:
        'Approved people become members. Each decision is announced as `group.join_request_decided`.',
      params: groupParams,
      body: z
        .object({
          decision: z.enum(['approve', 'reject']),
          participants: z.array(z.string().min(1)).min(1, 'must list at least one participant').max(256),
        })
        .strict()
        .meta({ example: { decision: 'approve', participants: ['972501234567@s.whatsapp.net'] } }),
      input: groupOf,
      response: {
        status: 200,
        description: 'WhatsApp status per person (200 = done)',
        schema: z.object({ items: z.array(z.object({ jid: z.string(), status: z.string() })) }),
      },
    }),
    route('groups.invitePreview', {
      method: 'get',
      path: '/sessions/:id/group-invite',
      tag,
      summary: 'What an invite link leads to, before joining',
      params: sessionParams,
      // Required, but checked by the operation (after the caller's access), so one who may not
      // read the number is refused rather than told the link is missing.
      query: z.object({
        link: z.string().optional().describe('Required: `https://chat.whatsapp.com/…` or the code'),
      }),
      input: ({ params, query }: { params: { id: string }; query: { link?: string } }) => ({
        session: params.id,
        link: query.link,
      }),
      response: {
        status: 200,
        description: 'The group behind the link',
        schema: z
          .object({
            jid: z.string(),
            subject: z.string(),
            description: z.string().nullable(),
            participantCount: z.number().int(),
            joinApproval: z.boolean().describe('Joining waits for an admin’s approval'),
            member: z.boolean().describe('The number is in the group already'),
          })
          .meta({
            id: 'GroupInvitePreview',
            example: {
              jid: GROUP_EXAMPLE.jid,
              subject: 'Friday orders',
              description: null,
              participantCount: 12,
              joinApproval: false,
              member: false,
            },
          }),
      },
    }),
    route('groups.join', {
      method: 'post',
      path: '/sessions/:id/groups/join',
      tag,
      summary: 'Join a group by invite link',
      description:
        'Where the group’s admins approve newcomers the answer is `status: "requested"` and the request waits for them.',
      params: sessionParams,
      body: linkBody,
      input: ({ params, body }: { params: { id: string }; body: { link: string } }) => ({
        session: params.id,
        link: body.link,
      }),
      response: {
        status: 200,
        description: 'Joined, or asked to join',
        schema: z
          .object({ status: z.enum(['joined', 'requested']), group: groupSchema.nullable() })
          .meta({ id: 'GroupJoinResult', example: { status: 'joined', group: GROUP_EXAMPLE } }),
      },
    }),
  ];
}
