import { z } from 'zod';
import {
  assignInput,
  assignmentCandidatesSchema,
  assignmentHistorySchema,
  assignmentSettingsSchema,
  availabilitySchema,
  bulkResultSchema,
  bulkUpdateInput,
  chatAssignmentSchema,
  handoffInput,
  setStatusInput,
  viewCountsInput,
  viewCountsSchema,
} from '../../../src-shared/contract/assignment.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { assignmentHandlers } from '../../rpc/assignment-handlers.js';
import type { Services } from '../../services/index.js';
import { csrfTokenOf } from '../auth.js';
import { operationRoute, type RestContext } from '../operation-route.js';

const chatParams = z.object({
  session: sessionIdSchema,
  chat: z.string().min(1).describe('The chat: a JID or a phone number'),
});
const sessionOnly = z.object({ session: sessionIdSchema });
const chatKey = { session: true, chat: true } as const;

const CONFLICT_NOTE =
  'Send `ifAssignee` (the person you saw owning the chat, or null) to take a chat safely: if someone else ' +
  'took it meanwhile, the answer is 409 naming them and nothing changes.';

/**
 * Assignment (issue #16): a chat's status, assignee, handoff, history, the bulk update, the
 * settings and the caller's availability. Each route is a thin adapter onto its contract
 * operation, so the authorizer (including "read: assigned") decides as for /rpc.
 */
export function assignmentRoutes(services: Services) {
  const ops = assignmentHandlers(services);
  const rest: RestContext = (ctx, principal) => ({
    transport: 'http',
    principal,
    csrfToken: csrfTokenOf(ctx),
    address: ctx.socket.remoteAddress ?? null,
  });
  const tag = 'assignment';
  const chatResponse = (what: string) => ({
    status: 200,
    description: `The chat’s status and assignee${what}`,
    schema: chatAssignmentSchema,
  });
  return [
    operationRoute(
      ops,
      'assignment.get',
      {
        method: 'get',
        path: '/sessions/:session/chats/:chat/assignment',
        tag,
        summary: 'A chat’s status and assignee',
        params: chatParams,
        response: chatResponse(''),
      },
      rest,
    ),
    operationRoute(
      ops,
      'assignment.assign',
      {
        method: 'put',
        path: '/sessions/:session/chats/:chat/assignee',
        tag,
        summary: 'Assign a chat to a person and/or a team, or unassign it',
        description:
          '`user`: a person id, `me`, or null; `team`: a team id or null; an absent field keeps its value. ' +
          'The person must be enabled and allowed to read the number (400 naming `user` otherwise). ' +
          CONFLICT_NOTE +
          ' Announced as `chat.assigned` (reason `manual`).',
        params: chatParams,
        body: assignInput.omit(chatKey).meta({ example: { user: 'me', ifAssignee: null } }),
        response: chatResponse(' after the change'),
      },
      rest,
    ),
    operationRoute(
      ops,
      'assignment.setStatus',
      {
        method: 'put',
        path: '/sessions/:session/chats/:chat/status',
        tag,
        summary: 'Resolve, reopen or snooze a chat',
        description:
          '`pending` with `snoozeUntil` snoozes it: it opens again at that time, or when the customer writes. ' +
          'A customer message opens a resolved chat too. Announced as `chat.status_changed`.',
        params: chatParams,
        body: setStatusInput
          .omit(chatKey)
          .meta({ example: { status: 'pending', snoozeUntil: '2026-12-06T09:00:00+02:00' } }),
        response: chatResponse(' after the change'),
      },
      rest,
    ),
    operationRoute(
      ops,
      'assignment.handoff',
      {
        method: 'post',
        path: '/sessions/:session/chats/:chat/handoff',
        tag,
        summary: 'Hand a chat over to a team (for bots)',
        description:
          'The chat goes to the team’s queue with nobody assigned, opens, and the note is kept in its history ' +
          '(`chat.assigned` with reason `handoff`).',
        params: chatParams,
        body: handoffInput
          .omit(chatKey)
          .meta({ example: { team: 'team_support', note: 'Asked for a refund' } }),
        response: chatResponse(' after the handoff'),
      },
      rest,
    ),
    operationRoute(
      ops,
      'assignment.history',
      {
        method: 'get',
        path: '/sessions/:session/chats/:chat/assignment/history',
        tag,
        summary: 'Who assigned, resolved or reopened a chat, newest first',
        params: chatParams,
        response: { status: 200, description: 'The last 500 changes', schema: assignmentHistorySchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'assignment.candidates',
      {
        method: 'get',
        path: '/sessions/:session/chats/:chat/assignment/candidates',
        tag,
        summary: 'Who a chat can be assigned to',
        description:
          'Enabled people who may read the number, each with `available` (false when they set themselves away), ' +
          'and every team: what the inbox’s assignee picker offers.',
        params: chatParams,
        response: { status: 200, description: 'People and teams', schema: assignmentCandidatesSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'assignment.markReadForMe',
      {
        method: 'post',
        path: '/sessions/:session/chats/:chat/read-for-me',
        tag,
        summary: 'Mark a chat as read for me',
        description:
          'The signed-in person’s own unread mark. Sends no WhatsApp read receipt (that is `POST …/chats/{chat}/read`).',
        params: chatParams,
        response: {
          status: 200,
          description: 'When',
          schema: z
            .object({ readAt: z.string() })
            .meta({ id: 'ReadForMe', example: { readAt: '2026-12-05T10:42:00.000Z' } }),
        },
      },
      rest,
    ),
    operationRoute(
      ops,
      'assignment.bulk',
      {
        method: 'post',
        path: '/sessions/:session/chats/assignment',
        tag,
        summary: 'Assign and/or set the status of several chats at once',
        description:
          'All or nothing: a chat that is unknown, or an assignee who may not read the number, refuses the whole ' +
          'request naming it. Needs write on the whole number.',
        params: sessionOnly,
        body: bulkUpdateInput
          .omit({ session: true })
          .meta({ example: { chats: ['972501234567'], user: 'usr_7Qm2', status: 'open' } }),
        response: { status: 200, description: 'Each chat after the change', schema: bulkResultSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'assignment.viewCounts',
      {
        method: 'get',
        path: '/chats/counts',
        tag,
        summary: 'How many chats each inbox view holds',
        description:
          'Mine, Unassigned, each of my teams and All, for `status` (absent: every status), counting only chats ' +
          'the caller may read, as `GET /chats` lists them. `mine` is null and `teams` empty for keys. Archived ' +
          'chats count too.',
        query: viewCountsInput,
        response: { status: 200, description: 'The counts', schema: viewCountsSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'assignmentSettings.get',
      {
        method: 'get',
        path: '/assignment/settings',
        tag,
        summary: 'Assignment settings',
        response: { status: 200, description: 'The settings', schema: assignmentSettingsSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'assignmentSettings.update',
      {
        method: 'patch',
        path: '/assignment/settings',
        tag,
        summary: 'Change assignment settings (owners and admins)',
        body: assignmentSettingsSchema
          .partial()
          .strict()
          .meta({ example: { replyAssigns: false } }),
        response: { status: 200, description: 'The settings', schema: assignmentSettingsSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'availability.get',
      {
        method: 'get',
        path: '/users/me/availability',
        tag,
        summary: 'Whether I am available for new chats',
        response: { status: 200, description: 'Available or away', schema: availabilitySchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'availability.set',
      {
        method: 'put',
        path: '/users/me/availability',
        tag,
        summary: 'Set myself available or away',
        description: 'Routing gives new chats only to people who are available.',
        body: availabilitySchema,
        response: { status: 200, description: 'Available or away', schema: availabilitySchema },
      },
      rest,
    ),
  ];
}
