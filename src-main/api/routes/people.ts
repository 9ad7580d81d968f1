import { Readable } from 'node:stream';
import { z } from 'zod';
import {
  auditListSchema,
  auditQueryInput,
  changePasswordInput,
  createTeamInput,
  createTokenInput,
  createUserInput,
  createdTokenSchema,
  meSchema,
  peopleSettingsSchema,
  permissionGrantSchema,
  personalTokenListSchema,
  personalTokenSchema,
  sessionPermissionsSchema,
  setLanguageInput,
  setPinInput,
  setupCodeSchema,
  signInSessionListSchema,
  teamListSchema,
  teamSchema,
  updateTeamInput,
  updateUserInput,
  userListSchema,
  userSchema,
} from '../../../src-shared/contract/people.js';
import { moveChatsField, openChatsSchema } from '../../../src-shared/contract/chat-handover.js';
import { confirmationFields } from '../../../src-shared/contract/confirmation.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { parseInput } from '../../../src-shared/validation.js';
import { peopleHandlers } from '../../rpc/people-handlers.js';
import type { Services } from '../../services/index.js';
import { csrfTokenOf } from '../auth.js';
import { operationRoute, type RestContext } from '../operation-route.js';
import { defineRoute } from '../route.js';

const idParams = z.object({ id: z.string().min(1).describe('Id') });
/** What deleting a team or a person does with the chats assigned to them (issue #16). */
const OPEN_CHATS_RULE =
  'If open or pending chats are assigned to it, the body must say where they go: `moveChatsTo` ' +
  '`{"user": id}`, `{"team": id}` or `"unassigned"`; otherwise 409 naming `moveChatsTo`, with ' +
  '`openChats` (their count) in the error. Each moved chat gets a history line and a `chat.assigned` ' +
  'event (reason `person_deleted` / `team_deleted`), in the same transaction as the delete.';
const revoked = z.object({ revoked: z.number().int() }).meta({ id: 'RevokedCount', example: { revoked: 2 } });

/**
 * People, teams, permissions, the caller's own sign-ins and tokens, and the audit log: each route
 * is a thin adapter onto its contract operation (api/operation-route.ts), so the authorizer
 * and the handler are the ones /rpc uses. Only the audit CSV is HTTP-only (a file answer).
 */
export function peopleRoutes(services: Services) {
  const ops = peopleHandlers(services);
  const rest: RestContext = (ctx, principal) => ({
    transport: 'http',
    principal,
    csrfToken: csrfTokenOf(ctx),
    address: ctx.socket.remoteAddress ?? null,
  });
  const users = 'people';
  return [
    operationRoute(
      ops,
      'people.me',
      {
        method: 'get',
        path: '/users/me',
        tag: users,
        summary: 'Who am I',
        description:
          'The caller: a person (with their rights per number) or a key. Keys and the desktop count as owner.',
        response: { status: 200, description: 'The caller', schema: meSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'users.list',
      {
        method: 'get',
        path: '/users',
        tag: users,
        summary: 'List people',
        description: 'Owners and admins (or the admin key).',
        response: { status: 200, description: 'Every person', schema: userListSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'users.create',
      {
        method: 'post',
        path: '/users',
        tag: users,
        summary: 'Add a person',
        description:
          'Sign-in names are unique ignoring case (409 naming `login`). Without `password` the answer carries a one-time invite code (7 days) the person signs in with to choose one. Only an owner may add an owner.',
        body: createUserInput,
        response: {
          status: 201,
          description: 'The person, and the invite code if any',
          schema: setupCodeSchema,
        },
      },
      rest,
    ),
    operationRoute(
      ops,
      'users.update',
      {
        method: 'patch',
        path: '/users/:id',
        tag: users,
        summary: 'Change a person',
        description:
          'Name, sign-in name, role, teams, disabled. Disabling signs the person out everywhere at once (their event streams close with 4401). The last enabled owner cannot be demoted or disabled (409).',
        params: idParams,
        body: updateUserInput.omit({ id: true }).meta({ example: { role: 'admin', teams: ['team_sales'] } }),
        response: { status: 200, description: 'The person', schema: userSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'users.delete',
      {
        method: 'delete',
        path: '/users/:id',
        tag: users,
        summary: 'Delete a person',
        description:
          'Their past actions stay attributed to their name. The last enabled owner cannot be deleted (409). ' +
          'Cannot be undone: the body must say `{"confirm": true}` (400 naming `confirm`), a token needs the ' +
          '`admin` scope, and a person signed in by browser also sends their own `password`. ' +
          OPEN_CHATS_RULE,
        params: idParams,
        body: z
          .strictObject({ ...confirmationFields, ...moveChatsField })
          .meta({ example: { confirm: true, moveChatsTo: 'unassigned' } }),
        response: { status: 200, description: 'The deleted person', schema: userSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'users.openChats',
      {
        method: 'get',
        path: '/users/:id/open-chats',
        tag: users,
        summary: 'How many open chats a person has (what deleting them moves)',
        params: idParams,
        response: {
          status: 200,
          description: 'Open and pending chats assigned to the person',
          schema: openChatsSchema,
        },
      },
      rest,
    ),
    operationRoute(
      ops,
      'users.resetCode',
      {
        method: 'post',
        path: '/users/:id/reset-code',
        tag: users,
        summary: "Reset a person's password",
        description:
          'The old password stops working and the person is signed out; the one-time code (shown once, 7 days) lets them choose a new one at the sign-in page.',
        params: idParams,
        response: { status: 200, description: 'The person and the code', schema: setupCodeSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'users.changePassword',
      {
        method: 'post',
        path: '/users/me/password',
        tag: users,
        summary: 'Change my password',
        description:
          'Your other browsers are signed out; this one stays signed in. People only (not API keys).',
        body: changePasswordInput,
        response: { status: 200, description: 'You', schema: userSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'users.setPin',
      {
        method: 'put',
        path: '/users/me/pin',
        tag: users,
        summary: 'Set or clear my desktop PIN',
        description: 'For the desktop "who is using this PC" switcher. People only.',
        body: setPinInput,
        response: { status: 200, description: 'You', schema: userSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'users.setLanguage',
      {
        method: 'put',
        path: '/users/me/language',
        tag: users,
        summary: 'Set my UI language',
        description:
          'Kept with your profile: every browser you sign in on shows Chatdock in it (null follows the browser). People only.',
        body: setLanguageInput,
        response: { status: 200, description: 'You', schema: userSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'teams.list',
      {
        method: 'get',
        path: '/teams',
        tag: 'teams',
        summary: 'List teams',
        response: { status: 200, description: 'Every team', schema: teamListSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'teams.create',
      {
        method: 'post',
        path: '/teams',
        tag: 'teams',
        summary: 'Create a team',
        description: 'Names are unique ignoring case (409 naming `name`).',
        body: createTeamInput,
        response: { status: 201, description: 'The team', schema: teamSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'teams.update',
      {
        method: 'patch',
        path: '/teams/:id',
        tag: 'teams',
        summary: 'Rename a team or replace its members',
        params: idParams,
        body: updateTeamInput.omit({ id: true }).meta({ example: { name: 'Sales (Tel Aviv)' } }),
        response: { status: 200, description: 'The team', schema: teamSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'teams.delete',
      {
        method: 'delete',
        path: '/teams/:id',
        tag: 'teams',
        summary: 'Delete a team',
        description: "The team's grants on every number go with it. " + OPEN_CHATS_RULE,
        params: idParams,
        body: z.strictObject(moveChatsField).meta({ example: { moveChatsTo: { team: 'team_support' } } }),
        response: { status: 200, description: 'The deleted team', schema: teamSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'teams.openChats',
      {
        method: 'get',
        path: '/teams/:id/open-chats',
        tag: 'teams',
        summary: 'How many open chats a team has (what deleting it moves)',
        params: idParams,
        response: {
          status: 200,
          description: 'Open and pending chats assigned to the team',
          schema: openChatsSchema,
        },
      },
      rest,
    ),
    operationRoute(
      ops,
      'permissions.get',
      {
        method: 'get',
        path: '/sessions/:session/permissions',
        tag: 'permissions',
        summary: "A number's permissions",
        description:
          'Who may read and write its chats, use tags and manage saved replies. Owners and admins may do everything anyway.',
        params: z.object({ session: sessionIdSchema }),
        response: { status: 200, description: 'The grants', schema: sessionPermissionsSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'permissions.set',
      {
        method: 'put',
        path: '/sessions/:session/permissions',
        tag: 'permissions',
        summary: "Replace a number's permissions",
        description: 'Applies at once to open browsers and event streams, without a reload.',
        params: z.object({ session: sessionIdSchema }),
        body: z.strictObject({ grants: z.array(permissionGrantSchema).max(500) }).meta({
          example: {
            grants: [
              {
                subject: { type: 'team', id: 'team_sales' },
                read: 'all',
                write: true,
                canUseTags: true,
                canManageSavedReplies: false,
              },
            ],
          },
        }),
        response: { status: 200, description: 'The grants', schema: sessionPermissionsSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'signins.list',
      {
        method: 'get',
        path: '/auth/sessions',
        tag: 'auth',
        summary: 'My browser sign-ins',
        response: { status: 200, description: 'Newest activity first', schema: signInSessionListSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'signins.revoke',
      {
        method: 'delete',
        path: '/auth/sessions/:id',
        tag: 'auth',
        summary: 'Sign one of my browsers out',
        params: idParams,
        response: { status: 200, description: 'How many ended', schema: revoked },
      },
      rest,
    ),
    operationRoute(
      ops,
      'signins.revokeOthers',
      {
        method: 'post',
        path: '/auth/signout-everywhere',
        tag: 'auth',
        summary: 'Sign out everywhere else',
        description: 'Every browser of yours but this one; their event streams close with 4401.',
        response: { status: 200, description: 'How many ended', schema: revoked },
      },
      rest,
    ),
    operationRoute(
      ops,
      'tokens.list',
      {
        method: 'get',
        path: '/auth/tokens',
        tag: 'auth',
        summary: 'My personal tokens',
        response: { status: 200, description: 'Active tokens', schema: personalTokenListSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'tokens.create',
      {
        method: 'post',
        path: '/auth/tokens',
        tag: 'auth',
        summary: 'Create a personal token',
        description:
          'It acts as you, with your current permissions, narrowed to `scopes` if given. Shown once.',
        body: createTokenInput,
        response: { status: 201, description: 'The token, shown once', schema: createdTokenSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'tokens.revoke',
      {
        method: 'delete',
        path: '/auth/tokens/:id',
        tag: 'auth',
        summary: 'Revoke a personal token',
        params: idParams,
        response: { status: 200, description: 'The revoked token', schema: personalTokenSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'audit.list',
      {
        method: 'get',
        path: '/audit',
        tag: 'audit',
        summary: 'The audit log',
        description:
          'Sign-ins and failed sign-ins, people, roles, teams, permissions, numbers, keys, webhooks, exports. Newest first; page with `cursor` = `next`.',
        query: auditQueryInput,
        response: { status: 200, description: 'A page of entries', schema: auditListSchema },
      },
      rest,
    ),
    defineRoute({
      method: 'get',
      path: '/audit/export',
      tag: 'audit',
      summary: 'The audit log as CSV',
      description: 'Same filters as GET /audit, every matching entry.',
      access: { scope: 'admin', people: 'admin' },
      query: auditQueryInput.omit({ cursor: true, limit: true }),
      response: { status: 200, description: 'CSV', contentType: 'text/csv' },
      handler: ({ query, ctx, principal }) => {
        const filters = parseInput(auditQueryInput.omit({ cursor: true, limit: true }), query);
        services.people.audit.record({
          actor: services.actors.of(principal),
          action: 'audit.exported',
          address: ctx.socket.remoteAddress ?? null,
        });
        ctx.type = 'text/csv; charset=utf-8';
        ctx.attachment('audit.csv');
        ctx.body = Readable.from(services.people.audit.csvLines(filters));
        return undefined;
      },
    }),
    operationRoute(
      ops,
      'peopleSettings.get',
      {
        method: 'get',
        path: '/team-settings',
        tag: 'people',
        summary: 'Sign-in and audit settings',
        response: { status: 200, description: 'The settings', schema: peopleSettingsSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'peopleSettings.update',
      {
        method: 'patch',
        path: '/team-settings',
        tag: 'people',
        summary: 'Change sign-in and audit settings',
        body: peopleSettingsSchema
          .partial()
          .strict()
          .meta({ example: { idleMinutes: 480 } }),
        response: { status: 200, description: 'The settings', schema: peopleSettingsSchema },
      },
      rest,
    ),
  ];
}
