/**
 * Human-paced group sends (issue #26 point 5, seed 002): before an API send to a group goes out,
 * a random pause (2–5 s by default) so a number that posts to groups from a script does not look
 * like a bot. One switch per number; on by default. The same schemas validate the REST route and
 * the UI's call.
 */
import { z } from 'zod';
import { sessionField } from '../access.js';
import { op } from './operation.js';
import { sessionIdSchema } from './sessions.js';

export const sendPacingSchema = z
  .object({
    groupSends: z
      .boolean()
      .describe('API sends to groups wait a random pause before they go out (answered 202 `pending`)'),
    minMs: z.number().int().describe('The shortest pause, in ms (CHATDOCK_GROUP_PACE_MS)'),
    maxMs: z.number().int().describe('The longest pause, in ms'),
  })
  .meta({ id: 'SendPacing', example: { groupSends: true, minMs: 2000, maxMs: 5000 } });
export type SendPacing = z.infer<typeof sendPacingSchema>;

export const sendPacingUpdateSchema = z
  .strictObject({ groupSends: z.boolean({ error: 'must be true or false' }) })
  .meta({ id: 'SendPacingUpdate', example: { groupSends: false } });

const manageNumber = { scope: 'sessions:manage', session: sessionField } as const;

export const sendPacingOperations = {
  /** Whether this number's API sends to groups are paced, and the pause's bounds. */
  'sendPacing.get': op<SendPacing>()(z.strictObject({ session: sessionIdSchema }), manageNumber),
  'sendPacing.update': op<SendPacing>()(
    sendPacingUpdateSchema.extend({ session: sessionIdSchema }),
    manageNumber,
  ),
};
