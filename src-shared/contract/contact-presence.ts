/**
 * A customer's presence in the chat header (issue #19): online, last seen (where the contact
 * allows it), typing or recording audio. Opening a chat subscribes to the contact's presence on
 * WhatsApp (`contactPresence.watch`); what WhatsApp then pushes is announced as
 * `contact.presence`. Kept in memory only by `src-main/services/presence/contact-presence.ts`.
 */
import { z } from 'zod';
import { readChat } from '../access.js';
import { op } from './operation.js';
import { sessionIdSchema } from './sessions.js';

export const CONTACT_PRESENCE_STATES = ['unknown', 'online', 'offline', 'typing', 'recording'] as const;
export type ContactPresenceState = (typeof CONTACT_PRESENCE_STATES)[number];

export const contactPresenceSchema = z
  .object({
    chat: z.string().describe('The one-to-one chat (the contact’s JID)'),
    state: z
      .enum(CONTACT_PRESENCE_STATES)
      .describe('unknown until WhatsApp answered the subscription; typing and recording are in this chat'),
    lastSeen: z
      .string()
      .nullable()
      .describe('UTC ISO-8601 when offline and the contact shares it; null otherwise'),
  })
  .meta({
    id: 'ContactPresence',
    example: { chat: '972501234567@s.whatsapp.net', state: 'offline', lastSeen: '2026-12-06T09:41:00.000Z' },
  });
export type ContactPresence = z.infer<typeof contactPresenceSchema>;

export const contactPresenceOperations = {
  /**
   * Subscribe to the contact's presence (WhatsApp keeps the subscription while the number stays
   * connected) and answer what is known now. Anyone who may read the chat.
   */
  'contactPresence.watch': op<ContactPresence>()(
    z.strictObject({
      session: sessionIdSchema,
      chat: z.string().trim().min(1, 'is required').max(200).describe('The chat: a JID or a phone number'),
    }),
    readChat,
  ),
};
