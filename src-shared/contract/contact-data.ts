/** One person's data on every number: export it (access request) or forget it (erasure request). */
import { z } from 'zod';
import { ADMIN_ONLY } from '../access.js';
import { normalisePhone } from '../jid.js';
import { op } from './operation.js';

/** A phone number in international format (`+972 50-123-4567`, `972501234567`), to its digits. */
export const contactPhoneSchema = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const digits = normalisePhone(value);
    if (!digits) {
      ctx.addIssue({ code: 'custom', message: 'must be a phone number in international format' });
      return z.NEVER;
    }
    return digits;
  })
  .describe('The person’s phone number in international format');

export const contactDataInput = z
  .strictObject({ phone: contactPhoneSchema })
  .meta({ example: { phone: '+972501234567' } });

export const forgetContactResultSchema = z
  .object({
    phone: z.string().describe('Digits'),
    messages: z.number().int().describe('Messages deleted: their 1:1 chats, and what they wrote in groups'),
    chats: z.number().int(),
    mediaFiles: z.number().int().describe('Media files deleted (those no other message uses)'),
    notes: z.number().int(),
    tags: z.number().int().describe('Chat and message tags removed'),
    optOuts: z.number().int(),
    other: z
      .number()
      .int()
      .describe(
        'Other rows: the contact, picture, reactions, tag history, group memberships, calls, schedules, campaign recipients',
      ),
  })
  .meta({
    id: 'ForgetContactResult',
    example: {
      phone: '972501234567',
      messages: 214,
      chats: 2,
      mediaFiles: 9,
      notes: 1,
      tags: 3,
      optOuts: 1,
      other: 12,
    },
  });
export type ForgetContactResult = z.infer<typeof forgetContactResultSchema>;

export const contactDataOperations = {
  'contactData.export': op<{ fileName: string; contentType: string; base64: string }>()(
    contactDataInput,
    ADMIN_ONLY,
  ),
  'contactData.forget': op<ForgetContactResult>()(contactDataInput, { ...ADMIN_ONLY, limits: ['delete'] }),
};
