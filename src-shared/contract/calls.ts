/**
 * Calls to a session's number: the call log and whether calls are rejected automatically (with a
 * message to the caller). The REST routes (api/routes/calls.ts) validate with the same schemas.
 */
import { z } from 'zod';
import type { Call } from '../messages.js';
import { READ_MESSAGES, readSession, sendInSession, sessionField } from '../access.js';
import { op } from './operation.js';
import { sessionIdSchema } from './sessions.js';

export const callSettingsSchema = z
  .object({
    rejectCalls: z.boolean().describe('Reject every incoming call automatically'),
    rejectMessage: z
      .string()
      .trim()
      .max(1000)
      .nullable()
      .describe('Sent to the caller after an automatic reject; null sends nothing'),
  })
  .strict()
  .meta({
    id: 'CallSettings',
    example: { rejectCalls: true, rejectMessage: 'We cannot take calls here. Please send a message 🙏' },
  });
export type CallSettings = z.infer<typeof callSettingsSchema>;

/** A call as the log shows it: the stored call and the caller's name, when the contact has one. */
export type CallLogEntry = Call & { name: string | null };

const bySession = z.object({ session: sessionIdSchema }).strict();

export const callOperations = {
  /** The call log, newest first. */
  'calls.list': op<CallLogEntry[]>()(
    bySession.extend({ limit: z.number().int().min(1).max(500).default(100) }),
    readSession,
  ),
  /**
   * The call log of every number the caller may read, newest first: a session key its own
   * number's, a person the numbers they may read all chats of. `next` is the next page's cursor.
   */
  'calls.listAll': op<{ items: Call[]; next: string | null }>()(
    z
      .object({
        limit: z.number().int().min(1).max(500).default(100),
        cursor: z
          .string()
          .regex(/^\d+\.\d+$/, 'must be a cursor this API returned')
          .optional(),
      })
      .strict(),
    READ_MESSAGES,
  ),
  /** Rejects a ringing call, optionally with a message to the caller (404 naming `callId`). */
  'calls.reject': op<Call>()(
    bySession.extend({ callId: z.string().min(1), message: z.string().trim().max(1000).optional() }),
    sendInSession,
  ),
  'calls.settings': op<CallSettings>()(bySession, { scope: 'sessions:manage', session: sessionField }),
  'calls.updateSettings': op<CallSettings>()(callSettingsSchema.extend({ session: sessionIdSchema }), {
    scope: 'sessions:manage',
    session: sessionField,
  }),
};
