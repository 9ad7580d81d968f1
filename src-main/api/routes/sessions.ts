import { z } from 'zod';
import {
  createSessionInput,
  pairingCodeInput,
  renameSessionInput,
  sessionIdSchema,
  sessionQrSchema,
} from '../../../src-shared/contract/sessions.js';
import { confirmationInput } from '../../../src-shared/contract/confirmation.js';
import { exampleOf } from '../../../src-shared/examples.js';
import { sessionSchema } from '../../../src-shared/model.js';
import type { Session } from '../../../src-shared/model.js';
import { sessionHandlers } from '../../rpc/session-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { defineRoute } from '../route.js';

const idParams = z.object({ id: sessionIdSchema });
const CONFIRM_NOTE =
  'Cannot be undone: the body must say `{"confirm": true}` (400 naming `confirm` otherwise), an API key ' +
  'needs the `admin` scope (403), and a person signed in by browser also sends their `password`. ';
const SESSION_EXAMPLE = exampleOf(sessionSchema);
/** A fresh session: created, not linked yet. */
const NEW_SESSION_EXAMPLE = {
  ...SESSION_EXAMPLE,
  status: 'disconnected',
  statusReason: 'created',
  phone: null,
  pushName: null,
} as const;
const sessionList = z
  .object({ items: z.array(sessionSchema), next: z.null() })
  .meta({ id: 'SessionList', example: { items: [SESSION_EXAMPLE], next: null } });
const createdSession = z
  .object({
    session: sessionSchema,
    apiKey: z.string().describe('The session key: it can use only this session. Shown once, stored hashed.'),
  })
  .meta({
    id: 'CreatedSession',
    example: { session: NEW_SESSION_EXAMPLE, apiKey: 'cd_7hTqL2vX9pWm4KsY8bNc3RdF6gJz1aVe5uQo0iEr2Ty' },
  });
const rotatedKey = z.object({ key: z.string(), prefix: z.string() }).meta({
  id: 'RotatedKey',
  example: { key: 'cd_Vb3nM8qL1xZc7RtY4wKp9sJd2fGh6aEo0uIy5TrW3Qe', prefix: 'cd_Vb3nM' },
});
const connectQuery = z.object({
  wait: z
    .enum(['qr', 'connected'])
    .optional()
    .describe('Answer once the QR code is shown, or once connected'),
  timeout: z.coerce
    .number()
    .int()
    .min(1)
    .max(120)
    .default(30)
    .describe('Seconds to wait at most (1–120, default 30); only with `wait`'),
});
const connectResult = sessionSchema
  .extend({
    reached: z
      .boolean()
      .optional()
      .describe('With `wait`: whether the QR code or the connection came in time'),
    qr: sessionQrSchema.nullable().optional().describe('With `wait`: the QR code to scan, when one is shown'),
  })
  .meta({
    id: 'ConnectResult',
    example: { ...NEW_SESSION_EXAMPLE, status: 'connecting', statusReason: 'user_connect' },
  });
const pairingCode = z
  .object({ code: z.string().describe('Type this on the phone'), session: sessionSchema })
  .meta({
    id: 'PairingCode',
    example: {
      code: 'ABCD1234',
      session: { ...NEW_SESSION_EXAMPLE, status: 'pairing', statusReason: 'pairing_code_shown' },
    },
  });

type IdRequest<Body = object, Query = object> = { params: { id: string }; body?: Body; query?: Query };
/** The operations name the number `id`, as the path does; a body's or query's fields join it. */
const byId = ({ params, body, query }: IdRequest) => ({ ...query, ...body, id: params.id });

/**
 * Linked WhatsApp numbers: adapters onto the `sessions.*` operations (access and handler live
 * there). The QR code stays written here: by `Accept` it answers JSON or the PNG image's bytes.
 */
export function sessionRoutes(services: Services) {
  const { sessions } = services;
  const route = operationRoutes(sessionHandlers(services));
  const tag = 'sessions';
  return [
    route('sessions.list', {
      method: 'get',
      path: '/sessions',
      tag,
      summary: 'List sessions (linked WhatsApp numbers)',
      description: 'A session key sees only its own session.',
      response: { status: 200, description: 'Every session, oldest first', schema: sessionList },
      input: () => ({}),
      answer: (items: Session[]) => ({ items, next: null }),
    }),
    route('sessions.create', {
      method: 'post',
      path: '/sessions',
      tag,
      summary: 'Create a session',
      description:
        'Creates the session (disconnected) and its session key. Then connect it and scan the QR code.',
      body: createSessionInput,
      response: { status: 201, description: 'The new session and its key', schema: createdSession },
    }),
    route('sessions.get', {
      method: 'get',
      path: '/sessions/:id',
      tag,
      summary: 'Get a session and its status',
      params: idParams,
      response: { status: 200, description: 'The session', schema: sessionSchema },
    }),
    route('sessions.rename', {
      method: 'patch',
      path: '/sessions/:id',
      tag,
      summary: 'Rename a session',
      params: idParams,
      body: renameSessionInput,
      input: byId,
      response: { status: 200, description: 'The session', schema: sessionSchema },
    }),
    route('sessions.delete', {
      method: 'delete',
      path: '/sessions/:id',
      tag,
      summary: 'Delete a session and its data',
      description:
        'Logs the number out of WhatsApp, then removes the session, its login, its key and its data in ' +
        'one step: chats, messages (and their search entries), reactions, contacts, profile pictures, ' +
        'groups, calls, tags on its chats and messages, chat notes, opt-outs, media files no other ' +
        'session uses, and its scheduled messages, campaigns and webhooks. Announced as ' +
        '`session.deleted`. With `?keepHistory=true` the chat history (chats, messages, contacts, ' +
        'groups, calls, tags, notes, opt-outs, media) stays in the database, hidden, and shows again ' +
        'when a session with the same id is created; scheduled messages, campaigns and webhooks go ' +
        'either way. The event log keeps its entries until they age out (7 days). ' +
        CONFIRM_NOTE,
      params: idParams,
      body: confirmationInput,
      query: z.object({
        keepHistory: z
          .enum(['true', 'false'])
          .transform((value) => value === 'true')
          .optional()
          .describe('Keep the chat history (default: remove it)'),
      }),
      input: byId,
      response: { status: 204, description: 'Deleted' },
      answer: () => undefined,
    }),
    route('sessions.connect', {
      method: 'post',
      path: '/sessions/:id/connect',
      tag,
      summary: 'Connect: start linking (QR) or reconnect a linked number',
      description:
        'Answers at once, unless `wait` is given; follow `status` (GET the session, or the `session.status` ' +
        'event). With `wait=qr` the answer comes once the QR code is shown (it is in `qr`) or a pairing ' +
        'code was asked for; with `wait=connected` once the number is connected; either way also when the ' +
        'session stops trying (logged out, disconnected, QR codes ran out) or after `timeout` seconds ' +
        '(default 30). `reached` says whether what was waited for happened.',
      params: idParams,
      query: connectQuery,
      input: byId,
      response: { status: 202, description: 'Connecting (or where the wait ended)', schema: connectResult },
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/qr',
      tag,
      summary: 'The QR code to scan with the phone',
      description:
        'JSON `{qr, dataUrl}` by default; a PNG image with `Accept: image/png`. 409 when there is no QR ' +
        '(not connecting, or already linked). QR codes rotate: poll, or follow `session.status` events.',
      // The same declaration as `sessions.qr`; written by hand for the PNG answer.
      access: { scope: 'sessions:manage', session: ({ params }) => params.id },
      params: idParams,
      response: { status: 200, description: 'The current QR code', schema: sessionQrSchema },
      handler: async ({ params, ctx }) => {
        const qr = await sessions.qr(params.id);
        if (ctx.accepts('application/json', 'image/png') === 'image/png') {
          ctx.type = 'image/png';
          ctx.set('Cache-Control', 'no-store');
          ctx.body = await sessions.qrPng(qr.qr);
          return undefined;
        }
        return qr;
      },
    }),
    route('sessions.pairingCode', {
      method: 'post',
      path: '/sessions/:id/pairing-code',
      tag,
      summary: 'Link by phone number: get a code to type on the phone',
      params: idParams,
      body: pairingCodeInput,
      input: byId,
      response: { status: 200, description: 'The 8-character code', schema: pairingCode },
    }),
    route('sessions.disconnect', {
      method: 'post',
      path: '/sessions/:id/disconnect',
      tag,
      summary: 'Disconnect, keeping the login (connect again without a QR)',
      params: idParams,
      input: byId,
      response: { status: 200, description: 'Disconnected', schema: sessionSchema },
    }),
    route('sessions.logout', {
      method: 'post',
      path: '/sessions/:id/logout',
      tag,
      summary: 'Log out: unlink from the phone and forget the login',
      description: CONFIRM_NOTE,
      params: idParams,
      body: confirmationInput,
      input: byId,
      response: { status: 200, description: 'Logged out', schema: sessionSchema },
    }),
    route('sessions.rotateKey', {
      method: 'post',
      path: '/sessions/:id/key',
      tag,
      summary: 'Issue a new session key (the old one stops working)',
      params: idParams,
      input: byId,
      response: { status: 200, description: 'The new key, shown once', schema: rotatedKey },
    }),
  ];
}
