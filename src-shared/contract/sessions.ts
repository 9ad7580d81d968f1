import { z } from 'zod';
import type { RotatedKey, Session } from '../model.js';
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
  .meta({ id: 'SessionQr' });

export type SessionQr = z.infer<typeof sessionQrSchema>;

const byId = z.object({ id: sessionIdSchema }).strict();

export const sessionOperations = {
  'sessions.list': op<Session[]>()(z.object({}).strict()),
  'sessions.create': op<{ session: Session; apiKey: string }>()(createSessionInput),
  'sessions.rename': op<Session>()(byId.extend(renameSessionInput.shape)),
  'sessions.connect': op<Session>()(byId),
  'sessions.disconnect': op<Session>()(byId),
  'sessions.logout': op<Session>()(byId),
  'sessions.delete': op<{ deleted: true }>()(byId),
  'sessions.qr': op<SessionQr>()(byId),
  'sessions.pairingCode': op<{ code: string; session: Session }>()(byId.extend(pairingCodeInput.shape)),
  'sessions.rotateKey': op<RotatedKey>()(byId),
};
