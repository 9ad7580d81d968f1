/**
 * Staff presence (issue #16's collision guard): who of the team is looking at a chat or typing a
 * reply in it right now, so two people do not answer the same customer. Kept in memory only by
 * `src-main/services/presence/`; announced as `staff.presence` to whoever may read the chat.
 */
import { z } from 'zod';
import { readChat, sendInChat } from '../access.js';
import { op } from './operation.js';
import { sessionIdSchema } from './sessions.js';

export const STAFF_PRESENCE_STATES = ['viewing', 'typing', 'gone'] as const;
export type StaffPresenceState = (typeof STAFF_PRESENCE_STATES)[number];

const chatKey = {
  session: sessionIdSchema,
  chat: z.string().trim().min(1, 'is required').max(200).describe('The chat: a JID or a phone number'),
};

export const setStaffPresenceInput = z
  .strictObject({
    ...chatKey,
    state: z
      .enum(STAFF_PRESENCE_STATES)
      .describe('viewing (send again every ~20 s while the chat is open), typing, or gone (closed it)'),
  })
  .meta({
    id: 'SetStaffPresence',
    example: { session: 'shop', chat: '972501234567', state: 'viewing' },
  });

export const staffPresenceSchema = z
  .object({
    user: z.object({ id: z.string(), name: z.string() }),
    state: z.enum(['viewing', 'typing']),
  })
  .meta({ id: 'StaffPresence', example: { user: { id: 'usr_7Qm2', name: 'Dana Levi' }, state: 'typing' } });
export type StaffPresence = z.infer<typeof staffPresenceSchema>;

export const staffPresenceListSchema = z.object({ items: z.array(staffPresenceSchema) }).meta({
  id: 'StaffPresenceList',
  example: { items: [{ user: { id: 'usr_7Qm2', name: 'Dana Levi' }, state: 'viewing' }] },
});

/** The `staff.presence` event: someone started or stopped viewing or typing in a chat. */
export interface StaffPresenceEvent {
  chat: string;
  user: { id: string; name: string };
  state: StaffPresenceState;
}

export const presenceOperations = {
  /**
   * I am looking at / typing in / left this chat (people only; others are answered and ignored).
   * Needs write on the chat: the guard is about who could answer the customer.
   */
  'staffPresence.set': op<{ ok: true }>()(setStaffPresenceInput, sendInChat),
  /** Who else is in this chat now (the caller is left out). */
  'staffPresence.list': op<{ items: StaffPresence[] }>()(z.strictObject(chatKey), readChat),
};
