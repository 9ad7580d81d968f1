/**
 * A number's privacy settings and block list (issue #19). REST (api/routes/privacy.ts) validates
 * with the same schemas; the UI calls `privacy.*` and `blocklist.*`.
 */
import { z } from 'zod';
import { readSession, sessionField } from '../access.js';
import { op } from './operation.js';
import { sessionIdSchema } from './sessions.js';

const audience = z.enum(['all', 'contacts', 'contact_blacklist', 'none']);
/** Who may see or do what, as WhatsApp names it; `online` and `readreceipts` have their own values. */
export const privacySettingsSchema = z
  .object({
    lastSeen: audience.describe('Who sees when the number was last online'),
    online: z.enum(['all', 'match_last_seen']).describe('Who sees it online: everyone, or as last seen'),
    profilePhoto: audience,
    about: audience,
    groupsAdd: z.enum(['all', 'contacts', 'contact_blacklist']).describe('Who may add the number to groups'),
    readReceipts: z.enum(['all', 'none']).describe('Blue ticks: sent and received, or neither'),
  })
  .meta({
    id: 'PrivacySettings',
    example: {
      lastSeen: 'contacts',
      online: 'match_last_seen',
      profilePhoto: 'all',
      about: 'contacts',
      groupsAdd: 'contacts',
      readReceipts: 'all',
    },
  });
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;
export const PRIVACY_KEYS = [
  'lastSeen',
  'online',
  'profilePhoto',
  'about',
  'groupsAdd',
  'readReceipts',
] as const;

export const privacyUpdateSchema = privacySettingsSchema
  .partial()
  .strict()
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: `give at least one of ${PRIVACY_KEYS.join(', ')}`,
  })
  .meta({ id: 'PrivacyUpdate', example: { lastSeen: 'none', readReceipts: 'all' } });

export const blockedContactSchema = z
  .object({ jid: z.string(), phone: z.string().nullable(), name: z.string().nullable() })
  .meta({
    id: 'BlockedContact',
    example: { jid: '972501234567@s.whatsapp.net', phone: '972501234567', name: 'Dana' },
  });
export type BlockedContact = z.infer<typeof blockedContactSchema>;

const bySession = z.object({ session: sessionIdSchema }).strict();
const manage = { scope: 'sessions:manage', session: sessionField } as const;

export const privacyOperations = {
  'privacy.get': op<PrivacySettings>()(bySession, manage),
  'privacy.update': op<PrivacySettings>()(
    privacySettingsSchema
      .partial()
      .extend({ session: sessionIdSchema })
      .strict()
      .refine((input) => PRIVACY_KEYS.some((key) => input[key] !== undefined), {
        message: `give at least one of ${PRIVACY_KEYS.join(', ')}`,
      }),
    manage,
  ),
  'blocklist.list': op<BlockedContact[]>()(bySession, readSession),
  'blocklist.set': op<BlockedContact[]>()(
    z.object({ session: sessionIdSchema, jid: z.string().min(1), blocked: z.boolean() }).strict(),
    { scope: 'messages:send', session: sessionField },
  ),
};
