/**
 * One contact with what WhatsApp tells about them (their "about" text and whether they have a
 * profile picture): REST's `GET /sessions/{id}/contacts/{jid}`, as an operation so its access is
 * decided by the one authorizer.
 */
import { z } from 'zod';
import { readSession } from '../access.js';
import { exampleOf } from '../examples.js';
import { contactSchema } from '../messages.js';
import { op } from './operation.js';
import { sessionIdSchema } from './sessions.js';

export const contactProfileSchema = contactSchema
  .extend({
    about: z
      .string()
      .nullable()
      .describe('The "about" text; null when empty, hidden or the session is offline'),
    avatarUrl: z
      .string()
      .nullable()
      .describe(
        'Path of the profile picture (GET …/contacts/{jid}/avatar, same key); null when the contact has none, or it is unknown while the session is offline',
      ),
  })
  .meta({
    id: 'ContactProfile',
    example: {
      ...exampleOf(contactSchema),
      about: 'Vegan, no nuts please',
      avatarUrl: '/api/v1/sessions/shop/contacts/972501234567%40s.whatsapp.net/avatar',
    },
  });
export type ContactProfile = z.infer<typeof contactProfileSchema>;

export const contactProfileOperations = {
  /**
   * Asks WhatsApp for the about text, and for the picture unless it is remembered. The contact is
   * `jid` (international digits or a JID), a chat of the number: an "assigned" reader needs it to
   * be theirs. NOT_FOUND naming `jid` for a contact the number does not know.
   */
  'contacts.profile': op<ContactProfile>()(
    z.object({ session: sessionIdSchema, jid: z.string().min(1) }).strict(),
    { ...readSession, chat: (input: { jid: string }) => input.jid },
  ),
};
