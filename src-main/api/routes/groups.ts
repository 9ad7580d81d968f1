import { z } from 'zod';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { exampleOf } from '../../../src-shared/examples.js';
import { groupParticipantSchema, groupSchema } from '../../../src-shared/messages.js';
import { mediaSourceSchema } from '../../../src-shared/send-schemas.js';
import { groupHandlers } from '../../rpc/group-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { sessionParams } from './common.js';

export const groupParams = z.object({ id: sessionIdSchema, group: z.string().min(1) });
const GROUP_EXAMPLE = exampleOf(groupSchema);
const inviteSchema = z.object({ code: z.string(), url: z.string() }).meta({
  id: 'GroupInvite',
  example: { code: 'Fk3Qx8aB2cD9eL', url: 'https://chat.whatsapp.com/Fk3Qx8aB2cD9eL' },
});
export const groupDetail = groupSchema.extend({ participants: z.array(groupParticipantSchema) }).meta({
  id: 'GroupDetail',
  example: {
    ...GROUP_EXAMPLE,
    participants: [
      { jid: '972509876543@s.whatsapp.net', role: 'superadmin', lid: '140602588397675@lid' },
      { jid: '972501234567@s.whatsapp.net', role: 'member', lid: null },
    ],
  },
});

type GroupRequest = { params: { id: string; group: string }; body?: object };
/** REST names the group `:group`; the operations name it `chat`. */
export const groupOf = ({ params, body }: GroupRequest) => ({
  session: params.id,
  chat: params.group,
  ...body,
});

/** Groups over REST: adapters onto the `groups.*` and `groupInfo.*` operations (access and handler live there). */
export function groupRoutes(services: Services) {
  const tag = 'groups';
  const route = operationRoutes(groupHandlers(services));
  return [
    route('groups.byKind', {
      method: 'get',
      path: '/sessions/:id/groups',
      tag,
      summary: 'Groups and channels, listed apart',
      description: 'From the local store; `refresh=true` asks WhatsApp first.',
      params: sessionParams,
      query: z.object({ refresh: z.enum(['true', 'false']).optional() }),
      input: ({ params, query }: { params: { id: string }; query: { refresh?: string } }) => ({
        session: params.id,
        ...(query.refresh ? { refresh: query.refresh === 'true' } : {}),
      }),
      response: {
        status: 200,
        description: 'Groups and channels',
        schema: z.object({ groups: z.array(groupSchema), channels: z.array(groupSchema) }).meta({
          id: 'GroupLists',
          example: {
            groups: [GROUP_EXAMPLE],
            channels: [
              {
                ...GROUP_EXAMPLE,
                jid: '120363144038483540@newsletter',
                kind: 'newsletter',
                subject: 'Falafel House news',
                description: 'Daily specials',
                owner: null,
                participantCount: 0,
                readOnly: true,
                restrict: true,
              },
            ],
          },
        }),
      },
    }),
    route('groups.create', {
      method: 'post',
      path: '/sessions/:id/groups',
      tag,
      summary: 'Create a group',
      params: sessionParams,
      body: z
        .object({
          subject: z.string().trim().min(1, 'must not be empty').max(100),
          participants: z.array(z.string().min(1)).min(1, 'must list at least one participant').max(1024),
        })
        .strict()
        .meta({
          example: { subject: 'Friday orders', participants: ['+972 50-123-4567', '+972 50-765-4321'] },
        }),
      input: ({ params, body }: { params: { id: string }; body: object }) => ({
        session: params.id,
        ...body,
      }),
      response: { status: 201, description: 'The new group', schema: groupDetail },
    }),
    route('groups.get', {
      method: 'get',
      path: '/sessions/:id/groups/:group',
      tag,
      summary: 'A group with its participants',
      description: 'From the local store, kept current by WhatsApp’s group events.',
      params: groupParams,
      input: groupOf,
      response: { status: 200, description: 'The group', schema: groupDetail },
    }),
    route('groups.update', {
      method: 'patch',
      path: '/sessions/:id/groups/:group',
      tag,
      summary: 'Change the subject or description',
      params: groupParams,
      body: z
        .object({
          subject: z.string().trim().min(1, 'must not be empty').max(100).optional(),
          description: z.string().max(2048).optional(),
        })
        .strict()
        .meta({ example: { description: 'Orders for Friday pickup, until Thursday 18:00' } }),
      input: groupOf,
      response: { status: 200, description: 'The group', schema: groupDetail },
    }),
    route('groups.picture', {
      method: 'put',
      path: '/sessions/:id/groups/:group/picture',
      tag,
      summary: 'Change the group photo',
      largeBody: true,
      params: groupParams,
      body: z
        .object({ media: mediaSourceSchema })
        .strict()
        .meta({ example: { media: { url: 'https://example.com/group-logo.png' } } }),
      input: groupOf,
      response: { status: 200, description: 'The group', schema: groupDetail },
    }),
    route('groupInfo.members', {
      method: 'post',
      path: '/sessions/:id/groups/:group/participants',
      tag,
      summary: 'Add, remove, promote or demote participants',
      params: groupParams,
      body: z
        .object({
          action: z.enum(['add', 'remove', 'promote', 'demote']),
          participants: z.array(z.string().min(1)).min(1, 'must list at least one participant').max(256),
        })
        .strict()
        .meta({ example: { action: 'promote', participants: ['972501234567@s.whatsapp.net'] } }),
      input: groupOf,
      response: {
        status: 200,
        description: 'WhatsApp status per participant (200 = done)',
        schema: z.object({ items: z.array(z.object({ jid: z.string(), status: z.string() })) }),
      },
    }),
    route('groupInfo.invite', {
      method: 'get',
      path: '/sessions/:id/groups/:group/invite',
      tag,
      summary: 'The invite link',
      params: groupParams,
      input: groupOf,
      response: { status: 200, description: 'Invite code and link', schema: inviteSchema },
    }),
    route('groupInfo.revokeInvite', {
      method: 'delete',
      path: '/sessions/:id/groups/:group/invite',
      tag,
      summary: 'Revoke the invite link',
      description: 'The old link stops working; answers the new one.',
      params: groupParams,
      input: groupOf,
      response: { status: 200, description: 'The new invite code and link', schema: inviteSchema },
    }),
    route('groupInfo.leave', {
      method: 'post',
      path: '/sessions/:id/groups/:group/leave',
      tag,
      summary: 'Leave the group',
      params: groupParams,
      input: groupOf,
      response: { status: 204, description: 'Left' },
    }),
  ];
}
