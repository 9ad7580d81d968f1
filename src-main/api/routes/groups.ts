import { z } from 'zod';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { toJid } from '../../../src-shared/jid.js';
import { groupParticipantSchema, groupSchema } from '../../../src-shared/messages.js';
import { mediaSourceSchema } from '../../../src-shared/send-schemas.js';
import type { Services } from '../../services/index.js';
import { resolveMedia } from '../../services/messages/media-input.js';
import { defineRoute } from '../route.js';
import { sessionGuard } from './session-guard.js';

const sessionParams = z.object({ id: sessionIdSchema });
const groupParams = z.object({ id: sessionIdSchema, group: z.string().min(1) });
const groupDetail = groupSchema
  .extend({ participants: z.array(groupParticipantSchema) })
  .meta({ id: 'GroupDetail' });

export function groupRoutes({ messaging, sessions }: Services) {
  const tag = 'groups';
  const { groups } = messaging;
  const jidOf = (group: string) => toJid(decodeURIComponent(group), 'group');
  const detail = (sessionId: string, jid: string) => ({
    ...groups.require(sessionId, jid),
    participants: groups.participants(sessionId, jid),
  });
  const guard = sessionGuard(sessions);
  return [
    defineRoute({
      method: 'get',
      path: '/sessions/:id/groups',
      tag,
      summary: 'Groups and channels, listed apart',
      description: 'From the local store; `refresh=true` asks WhatsApp first.',
      auth: 'key',
      params: sessionParams,
      query: z.object({ refresh: z.enum(['true', 'false']).optional() }),
      response: {
        status: 200,
        description: 'Groups and channels',
        schema: z
          .object({ groups: z.array(groupSchema), channels: z.array(groupSchema) })
          .meta({ id: 'GroupLists' }),
      },
      handler: async ({ params, query, principal }) => {
        guard(principal, params.id, 'messages:read');
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
      auth: 'key',
      params: sessionParams,
      body: z
        .object({
          subject: z.string().trim().min(1, 'must not be empty').max(100),
          participants: z.array(z.string().min(1)).min(1, 'must list at least one participant').max(1024),
        })
        .strict(),
      response: { status: 201, description: 'The new group', schema: groupDetail },
      handler: async ({ params, body, principal }) => {
        guard(principal, params.id, 'messages:send');
        const group = await groups.create(params.id, body.subject, body.participants);
        return detail(params.id, group.jid);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/groups/:group',
      tag,
      summary: 'A group with its participants',
      auth: 'key',
      params: groupParams,
      response: { status: 200, description: 'The group', schema: groupDetail },
      handler: ({ params, principal }) => {
        guard(principal, params.id, 'messages:read');
        return detail(params.id, jidOf(params.group));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/sessions/:id/groups/:group',
      tag,
      summary: 'Change the subject or description',
      auth: 'key',
      params: groupParams,
      body: z
        .object({
          subject: z.string().trim().min(1, 'must not be empty').max(100).optional(),
          description: z.string().max(2048).optional(),
        })
        .strict(),
      response: { status: 200, description: 'The group', schema: groupDetail },
      handler: async ({ params, body, principal }) => {
        guard(principal, params.id, 'messages:send');
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
      auth: 'key',
      params: groupParams,
      body: z.object({ media: mediaSourceSchema }).strict(),
      response: { status: 200, description: 'The group', schema: groupDetail },
      handler: async ({ params, body, principal }) => {
        guard(principal, params.id, 'messages:send');
        const jid = jidOf(params.group);
        const image = await resolveMedia('image', body.media);
        await groups.setPicture(params.id, jid, image.bytes);
        return detail(params.id, jid);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/sessions/:id/groups/:group/participants',
      tag,
      summary: 'Add, remove, promote or demote participants',
      auth: 'key',
      params: groupParams,
      body: z
        .object({
          action: z.enum(['add', 'remove', 'promote', 'demote']),
          participants: z.array(z.string().min(1)).min(1, 'must list at least one participant').max(256),
        })
        .strict(),
      response: {
        status: 200,
        description: 'WhatsApp status per participant (200 = done)',
        schema: z.object({ items: z.array(z.object({ jid: z.string(), status: z.string() })) }),
      },
      handler: async ({ params, body, principal }) => {
        guard(principal, params.id, 'messages:send');
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
      auth: 'key',
      params: groupParams,
      response: {
        status: 200,
        description: 'Invite code and link',
        schema: z.object({ code: z.string(), url: z.string() }).meta({ id: 'GroupInvite' }),
      },
      handler: ({ params, principal }) => {
        guard(principal, params.id, 'messages:read');
        return groups.inviteLink(params.id, jidOf(params.group));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/sessions/:id/groups/:group/leave',
      tag,
      summary: 'Leave the group',
      auth: 'key',
      params: groupParams,
      response: { status: 204, description: 'Left' },
      handler: async ({ params, principal }) => {
        guard(principal, params.id, 'messages:send');
        await groups.leave(params.id, jidOf(params.group));
      },
    }),
  ];
}
