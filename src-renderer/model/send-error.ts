import { currentIntl, useI18n } from '../i18n/store';
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
 * them) in the reader's language, and whether Retry can help. An English reader gets the API's own
 * precise message; other languages get the sentence for the error code (describeError).
 */
export function sendFailure(error: unknown): { reason: string; canRetry: boolean } {
  if (!(error instanceof RpcError)) return { reason: describeError(error), canRetry: true };
  const notOnWhatsApp = /^to: (\d+) is not on WhatsApp/.exec(error.message);
  if (notOnWhatsApp) {
    const phone = formatPhone(notOnWhatsApp[1]) ?? '';
    return {
      reason: currentIntl().formatMessage({ id: 'inbox.errors.notOnWhatsApp' }, { phone }),
      canRetry: false,
    };
  }
  const canRetry = !PERMANENT.has(error.code);
  if (useI18n.getState().locale !== 'en') return { reason: describeError(error), canRetry };
  const reason = error.field ? error.message.replace(new RegExp(`^${error.field}: `), '') : error.message;
  return { reason: reason.charAt(0).toUpperCase() + reason.slice(1), canRetry };
}
