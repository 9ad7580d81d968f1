import type { Actor } from '../../../src-shared/contract/people.js';
import type { Message } from '../../../src-shared/messages.js';
import type { SendMessageInput } from '../../../src-shared/send-schemas.js';
import type { ScheduledMessage } from '../../../src-shared/contract/schedule.js';

/** How scheduled and campaign messages leave: SendService.send with an idempotency key. */
export type Sender = (
  sessionId: string,
  message: SendMessageInput,
  idempotencyKey: string,
  /** Who the message is attributed to ("Scheduled message", "Campaign: Hanukkah"). */
  actor: Actor,
) => Promise<Message>;

/**
 * How a schedule's occurrence leaves: a chat message as `Sender` sends it, or a Status (issue
 * #19) posted to its audience. Answers the id of what went out.
 */
export type ScheduleSender = (
  sessionId: string,
  message: ScheduledMessage,
  idempotencyKey: string,
  actor: Actor,
) => Promise<{ id: string }>;

/** Error codes after which sending the same message again cannot succeed. */
export const PERMANENT_CODES = new Set([
  'VALIDATION_FAILED',
  'READ_ONLY_CHAT',
  'SESSION_NOT_FOUND',
  'NOT_FOUND',
  'FORBIDDEN',
]);
