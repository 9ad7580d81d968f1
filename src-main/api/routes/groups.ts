import { z } from 'zod';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { exampleOf } from '../../../src-shared/examples.js';
import { toJid } from '../../../src-shared/jid.js';
import { groupParticipantSchema, groupSchema } from '../../../src-shared/messages.js';
import { mediaSourceSchema } from '../../../src-shared/send-schemas.js';
import type { Services } from '../../services/index.js';
import { defineRoute } from '../route.js';
import { sessionExists } from './session-guard.js';
import { sessionParams } from './common.js';

const groupParams = z.object({ id: sessionIdSchema, group: z.string().min(1) });
const GROUP_EXAMPLE = exampleOf(groupSchema);
const inviteSchema = z.object({ code: z.string(), url: z.string() }).meta({
  id: 'GroupInvite',
  example: { code: 'Fk3Qx8aB2cD9eL', url: 'https://chat.whatsapp.com/Fk3Qx8aB2cD9eL' },
});
const groupDetail = groupSchema.extend({ participants: z.array(groupParticipantSchema) }).meta({
  id: 'GroupDetail',
  example: {
    ...GROUP_EXAMPLE,
    participants: [
      { jid: '972509876543@s.whatsapp.net', role: 'superadmin' },
      { jid: '972501234567@s.whatsapp.net', role: 'member' },
    ],
  },
});

export function groupRoutes({ messaging, sessions }: Services) {
  const tag = 'groups';
  const { groups } = messaging;
  const jidOf = (group: string) => toJid(group, 'group');
  const detail = (sessionId: string, jid: string) => ({
    ...groups.require(sessionId, jid),
    participants: groups.participants(sessionId, jid),
  });
  const exists = sessionExists(sessions);
  return [
    defineRoute({
      method: 'get',
      path: '/sessions/:id/groups',
      tag,
      summary: 'Groups and channels, listed apart',
      description: 'From the local store; `refresh=true` asks WhatsApp first.',
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: sessionParams,
      query: z.object({ refresh: z.enum(['true', 'false']).optional() }),
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
      handler: async ({ params, query }) => {
        exists(params.id);
        const all = query.refresh === 'true' ? await groups.refresh(params.id) : groups.list(params.id);
        return {
          groups: all.filter((g) => g.kind === 'group'),
          channels: all.filter((g) => g.kind === 'newsletter'),
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/sessions/:id/groups',
      tag,
      summary: 'Create a group',
      access: { scope: 'messages:send', session: ({ params }) => params.id },
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
      response: { status: 201, description: 'The new group', schema: groupDetail },
      handler: async ({ params, body }) => {
        exists(params.id);
        const group = await groups.create(params.id, body.subject, body.participants);
        return detail(params.id, group.jid);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/groups/:group',
      tag,
      summary: 'A group with its participants',
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: groupParams,
      response: { status: 200, description: 'The group', schema: groupDetail },
      handler: ({ params }) => {
        exists(params.id);
        return detail(params.id, jidOf(params.group));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/sessions/:id/groups/:group',
      tag,
      summary: 'Change the subject or description',
      access: { scope: 'messages:send', session: ({ params }) => params.id },
      params: groupParams,
      body: z
        .object({
          subject: z.string().trim().min(1, 'must not be empty').max(100).optional(),
          description: z.string().max(2048).optional(),
        })
        .strict()
        .meta({ example: { description: 'Orders for Friday pickup, until Thursday 18:00' } }),
      response: { status: 200, description: 'The group', schema: groupDetail },
      handler: async ({ params, body }) => {
        exists(params.id);
        const jid = jidOf(params.group);
        await groups.update(params.id, jid, body);
        return detail(params.id, jid);
      },
    }),
    defineRoute({
      method: 'put',
      path: '/sessions/:id/groups/:group/picture',
      tag,
      summary: 'Change the group photo',
      largeBody: true,
      access: { scope: 'messages:send', session: ({ params }) => params.id },
      params: groupParams,
      body: z
        .object({ media: mediaSourceSchema })
        .strict()
        .meta({ example: { media: { url: 'https://example.com/group-logo.png' } } }),
      response: { status: 200, description: 'The group', schema: groupDetail },
      handler: async ({ params, body }) => {
        exists(params.id);
        const jid = jidOf(params.group);
        const image = await messaging.resolveMedia('image', body.media);
        await groups.setPicture(params.id, jid, image.bytes);
        return detail(params.id, jid);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/sessions/:id/groups/:group/participants',
      tag,
      summary: 'Add, remove, promote or demote participants',
      access: { scope: 'messages:send', session: ({ params }) => params.id },
      params: groupParams,
      body: z
        .object({
          action: z.enum(['add', 'remove', 'promote', 'demote']),
          participants: z.array(z.string().min(1)).min(1, 'must list at least one participant').max(256),
        })
        .strict()
        .meta({ example: { action: 'promote', participants: ['972501234567@s.whatsapp.net'] } }),
      response: {
        status: 200,
        description: 'WhatsApp status per participant (200 = done)',
        schema: z.object({ items: z.array(z.object({ jid: z.string(), status: z.string() })) }),
      },
      handler: async ({ params, body }) => {
        exists(params.id);
        const items = await groups.participantsAction(
          params.id,
          jidOf(params.group),
          body.participants,
          body.action,
        );
        return { items };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/groups/:group/invite',
      tag,
      summary: 'The invite link',
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: groupParams,
      response: {
        status: 200,
        description: 'Invite code and link',
        schema: inviteSchema,
      },
      handler: ({ params }) => {
        exists(params.id);
        return groups.inviteLink(params.id, jidOf(params.group));
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/sessions/:id/groups/:group/invite',
      tag,
      summary: 'Revoke the invite link',
      description: 'The old link stops working; answers the new one.',
      access: { scope: 'messages:send', session: ({ params }) => params.id },
      params: groupParams,
      response: { status: 200, description: 'The new invite code and link', schema: inviteSchema },
      handler: ({ params }) => {
        exists(params.id);
        return groups.revokeInvite(params.id, jidOf(params.group));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/sessions/:id/groups/:group/leave',
      tag,
      summary: 'Leave the group',
      access: { scope: 'messages:send', session: ({ params }) => params.id },
      params: groupParams,
      response: { status: 204, description: 'Left' },
      handler: async ({ params }) => {
        exists(params.id);
        await groups.leave(params.id, jidOf(params.group));
      },
    }),
  ];
}
