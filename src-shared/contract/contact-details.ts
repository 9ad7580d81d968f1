/**
 * Details of a contact asked from WhatsApp (issue #26 point 8, seed 004): the devices a person
 * uses. The same schemas validate the REST route and the UI's call.
 */
import { z } from 'zod';
import { readSession } from '../access.js';
import { op } from './operation.js';
import { sessionIdSchema } from './sessions.js';

export const contactDevicesSchema = z
  .object({
    jid: z.string().describe('The person asked about'),
    count: z.number().int().describe('How many devices: the phone and every linked device'),
    devices: z
      .array(
        z.object({
          device: z.number().int().describe('0 is the phone; others are linked devices (web, desktop, apps)'),
          jid: z.string().describe('The device JID (`user:device@server`; the phone has no device part)'),
        }),
      )
      .describe('Phone first'),
  })
  .meta({
    id: 'ContactDevices',
    example: {
      jid: '972501234567@s.whatsapp.net',
      count: 2,
      devices: [
        { device: 0, jid: '972501234567@s.whatsapp.net' },
        { device: 3, jid: '972501234567:3@s.whatsapp.net' },
      ],
    },
  });
export type ContactDevices = z.infer<typeof contactDevicesSchema>;

export const contactDetailOperations = {
  /** A person's devices, asked from WhatsApp each time (NOT_CONNECTED while the number is offline). */
  'contactDetails.devices': op<ContactDevices>()(
    z.strictObject({ session: sessionIdSchema, jid: z.string().min(1, 'is required') }),
    { ...readSession, chat: (input: { jid?: string }) => input.jid },
  ),
};
