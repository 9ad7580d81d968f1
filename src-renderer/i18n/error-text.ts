import type { ErrorCode } from '../../src-shared/errors';
import type { MessageId } from './messages/en';

/**
 * The sentence a person reads for each error code. API messages stay English and stable (they
 * are for programs); outside English the UI shows these instead. A new error code fails the type
 * check here until it has a sentence.
 */
export const ERROR_TEXT: Record<ErrorCode, MessageId> = {
  VALIDATION_FAILED: 'errors.validationFailed',
  UNAUTHORIZED: 'errors.unauthorized',
  FORBIDDEN: 'errors.forbidden',
  NOT_FOUND: 'errors.notFound',
  SESSION_NOT_FOUND: 'errors.sessionNotFound',
  NOT_CONNECTED: 'errors.notConnected',
  READ_ONLY_CHAT: 'errors.readOnlyChat',
  CONFLICT: 'errors.conflict',
  RATE_LIMITED: 'errors.rateLimited',
  PAYLOAD_TOO_LARGE: 'errors.payloadTooLarge',
  HOST_NOT_ALLOWED: 'errors.hostNotAllowed',
  WA_NOT_FOUND: 'errors.waNotFound',
  WA_FORBIDDEN: 'errors.waForbidden',
  WA_CONNECTION_CLOSED: 'errors.waConnectionClosed',
  WA_UNAVAILABLE: 'errors.waUnavailable',
  UNKNOWN_OPERATION: 'errors.unknownOperation',
  INTERNAL: 'errors.internal',
};
