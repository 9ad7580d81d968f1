import type { Actor } from '../../../src-shared/contract/people.js';
import type { Message } from '../../../src-shared/messages.js';
import type { SendMessageInput } from '../../../src-shared/send-schemas.js';

/** How scheduled and campaign messages leave: SendService.send with an idempotency key. */
export type Sender = (
  sessionId: string,
  message: SendMessageInput,
  idempotencyKey: string,
  /** Who the message is attributed to ("Scheduled message", "Campaign: Hanukkah"). */
  actor: Actor,
) => Promise<Message>;

/** Error codes after which sending the same message again cannot succeed. */
export const PERMANENT_CODES = new Set([
  'VALIDATION_FAILED',
  'READ_ONLY_CHAT',
  'SESSION_NOT_FOUND',
  'NOT_FOUND',
  'FORBIDDEN',
]);
