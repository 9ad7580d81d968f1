import { describeError, RpcError } from '../transport/rpc-error';
import { formatPhone } from './phone';

/** Refusals that sending again cannot change (the number, the chat or the content is the problem). */
const PERMANENT = new Set([
  'VALIDATION_FAILED',
  'READ_ONLY_CHAT',
  'NOT_FOUND',
  'FORBIDDEN',
  'PAYLOAD_TOO_LARGE',
]);

/**
 * Why a message was not sent, in plain words (no "to:" field paths, numbers as people write
 * them), and whether Retry can help.
 */
export function sendFailure(error: unknown): { reason: string; canRetry: boolean } {
  if (!(error instanceof RpcError)) return { reason: describeError(error), canRetry: true };
  const notOnWhatsApp = /^to: (\d+) is not on WhatsApp/.exec(error.message);
  if (notOnWhatsApp)
    return { reason: `${formatPhone(notOnWhatsApp[1]) ?? ''} is not on WhatsApp.`, canRetry: false };
  const reason = error.field ? error.message.replace(new RegExp(`^${error.field}: `), '') : error.message;
  return { reason: reason.charAt(0).toUpperCase() + reason.slice(1), canRetry: !PERMANENT.has(error.code) };
}
