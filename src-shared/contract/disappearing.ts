/**
 * Disappearing messages in a chat (issue #19): the timers WhatsApp offers, and the operation
 * that changes one. REST (api/routes/disappearing.ts) is an adapter onto it. Who may: whoever
 * may write in the chat (the setting changes the conversation for the customer too).
 */
import { z } from 'zod';
import type { Chat } from '../messages.js';
import { sendInChat } from '../access.js';
import { op } from './operation.js';
import { sessionIdSchema } from './sessions.js';

import { DISAPPEARING_TIMERS } from './constants/disappearing.js';

export { DISAPPEARING_TIMERS };

export const disappearingInputSchema = z
  .object({
    seconds: z
      .number()
      .int()
      .refine((value) => (DISAPPEARING_TIMERS as readonly number[]).includes(value), {
        message: `must be one of ${DISAPPEARING_TIMERS.join(', ')}`,
      })
      .describe('How long new messages last: 86400 (24 h), 604800 (7 days), 7776000 (90 days), or 0 (off)'),
  })
  .strict()
  .meta({ example: { seconds: 604_800 } });

/** `chat.ephemeral_changed`: a chat's disappearing-messages timer changed, here or on WhatsApp. */
export interface ChatEphemeralChangedEvent {
  chat: string;
  /** The new timer in seconds, 0 when off. */
  seconds: number;
  previous: number;
}

export const disappearingOperations = {
  /**
   * Turns disappearing messages on or off in a one-to-one chat or a group (in a group whose info
   * only admins edit: admins only, 403 otherwise); the customer's phone / every member follows.
   */
  'disappearing.set': op<Chat>()(
    z
      .object({ session: sessionIdSchema, chat: z.string().min(1) })
      .extend(disappearingInputSchema.shape)
      .strict(),
    sendInChat,
  ),
};
