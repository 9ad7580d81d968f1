import { z } from 'zod';
import type { RotatedKey, Session } from '../model.js';
import { manageSession } from '../access.js';
import { confirmationFields } from './confirmation.js';
import { op } from './operation.js';

export const sessionIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'use 1–32 lowercase letters, digits, "-" or "_"');

export const createSessionInput = z
  .object({
    id: sessionIdSchema.optional().describe('Chosen id; made from the name when omitted'),
    name: z.string().trim().min(1).max(80).optional().describe('A label, e.g. "Shop phone"'),
  })
  .strict()
  .meta({ id: 'CreateSession', example: { id: 'shop', name: 'Shop phone' } });

export const renameSessionInput = z
  .object({ name: z.string().trim().min(1, 'must not be empty').max(80) })
  .strict()
  .meta({ id: 'UpdateSession', example: { name: 'Front desk' } });

export const pairingCodeInput = z
  .object({ phone: z.string().min(1, 'is required').describe('The number to link, in international format') })
  .strict()
  .meta({ id: 'PairingCodeRequest', example: { phone: '+972 50-123-4567' } });

export const sessionQrSchema = z
  .object({ qr: z.string().describe('The raw QR text'), dataUrl: z.string().describe('PNG data URL') })
  .meta({
    id: 'SessionQr',
    example: {
      qr: '2@Xk3pQ9vL2mZ8rT4wY7bN1cD6fG0hJ5aS,kP4qR7sT1uV3wX9yZ2aB5cD8eF0gH6iJ=,mN3oP6qR9sT2uV5wX8yZ1aB4cD7eF0g=,hI3jK6lM9nO2pQ5rS8tU1vW4xY7zA0b=',
      dataUrl:
        'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    },
  });

export type SessionQr = z.infer<typeof sessionQrSchema>;

const byId = z.object({ id: sessionIdSchema }).strict();

/** Where `sessions.connect` may wait before answering (REST `?wait=`). */
const connectInput = byId.extend({
  wait: z
    .enum(['qr', 'connected'])
    .optional()
    .describe('Answer once the QR code is shown, or once connected'),
  timeout: z
    .number()
    .int()
    .min(1)
    .max(120)
    .optional()
    .describe('Seconds to wait at most (1–120, default 30); only with `wait`'),
});

/** A connect's answer: the session, and with `wait` whether it was reached and the QR code. */
export type ConnectResult = Session & { reached?: boolean; qr?: SessionQr | null };

/** Deleting removes the session's data too, unless `keepHistory` keeps its chat history. */
const deleteSessionInput = byId.extend({
  ...confirmationFields,
  keepHistory: z
    .boolean()
    .optional()
    .describe('Keep chats, messages and contacts (hidden until a session with this id is created again)'),
});

export const sessionOperations = {
  'sessions.list': op<Session[]>()(z.object({}).strict(), { scope: ['messages:read', 'sessions:manage'] }),
  'sessions.create': op<{ session: Session; apiKey: string }>()(createSessionInput, {
    scope: 'sessions:manage',
    sessionKeys: false,
  }),
  'sessions.rename': op<Session>()(byId.extend(renameSessionInput.shape), manageSession),
  /** One number, for whoever may read its chats or manage it. */
  'sessions.get': op<Session>()(byId, {
    scope: ['messages:read', 'sessions:manage'],
    session: (input: { id: string }) => input.id,
  }),
  'sessions.connect': op<ConnectResult>()(connectInput, manageSession),
  'sessions.disconnect': op<Session>()(byId, manageSession),
  'sessions.logout': op<Session>()(byId.extend(confirmationFields), { ...manageSession, confirm: true }),
  'sessions.delete': op<{ deleted: true }>()(deleteSessionInput, {
    scope: 'sessions:manage',
    sessionKeys: false,
    confirm: true,
    limits: ['delete'],
  }),
  'sessions.qr': op<SessionQr>()(byId, manageSession),
  'sessions.pairingCode': op<{ code: string; session: Session }>()(
    byId.extend(pairingCodeInput.shape),
    manageSession,
  ),
  'sessions.rotateKey': op<RotatedKey>()(byId, { ...manageSession, limits: ['sensitive'] }),
};
