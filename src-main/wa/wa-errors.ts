import { DisconnectReason } from '@whiskeysockets/baileys';
import { AppError } from '../../src-shared/errors.js';

/** What Baileys throws: a Boom error, with WhatsApp's IQ error code in `data` or a status. */
interface BoomLike {
  isBoom: true;
  message: string;
  data?: unknown;
  output?: { statusCode?: number };
}

function isBoom(error: unknown): error is BoomLike {
  return typeof error === 'object' && error !== null && (error as { isBoom?: unknown }).isBoom === true;
}

/**
 * A WhatsApp failure as the AppError the caller should see: WhatsApp's "item-not-found" is
 * WA_NOT_FOUND (404), "forbidden"/"not-authorized" (e.g. after leaving a group, or not an admin)
 * WA_FORBIDDEN (403), a connection that closed mid-request WA_CONNECTION_CLOSED (409: the session
 * is reconnecting, try again), anything else WhatsApp answered or failed to answer
 * WA_UNAVAILABLE (502). Errors that are not Baileys' (our own bugs) pass through unchanged and
 * stay 500s. `field` names the input the request was about, when there is one.
 */
export function fromWaError(error: unknown, field?: string): unknown {
  if (!isBoom(error)) return error;
  const code = typeof error.data === 'number' ? error.data : null;
  const text = error.message || 'unknown error';
  if (code === 404) return new AppError('WA_NOT_FOUND', `WhatsApp: not found (${text})`, field);
  if (code === 401 || code === 403) {
    return new AppError('WA_FORBIDDEN', `WhatsApp refused: not allowed (${text})`, field);
  }
  if (code !== null) return new AppError('WA_UNAVAILABLE', `WhatsApp refused the request (${code} ${text})`);
  const status = error.output?.statusCode;
  // Baileys gives a lost connection and a query timeout the same status (408).
  const closed =
    status === DisconnectReason.connectionClosed ||
    (status === DisconnectReason.connectionLost && /connection/i.test(text));
  if (closed) {
    return new AppError(
      'WA_CONNECTION_CLOSED',
      `the connection to WhatsApp closed during the request (${text}); try again once the session is connected`,
    );
  }
  if (status === DisconnectReason.timedOut) {
    return new AppError('WA_UNAVAILABLE', `WhatsApp did not answer in time (${text})`);
  }
  return new AppError('WA_UNAVAILABLE', `WhatsApp failed the request (${text})`);
}

/** Runs a call to WhatsApp and answers its failures with `fromWaError`. */
export async function callWhatsApp<T>(call: () => Promise<T>, field?: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw fromWaError(error, field);
  }
}
