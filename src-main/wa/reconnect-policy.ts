import { DisconnectReason } from '@whiskeysockets/baileys';
import type { SessionReason, SessionStatus } from '../../src-shared/model.js';

/** What to do after the WhatsApp connection closed. */
type CloseDecision =
  | { action: 'reconnect_now'; reason: SessionReason }
  | { action: 'reconnect_later'; reason: SessionReason; delayMs: number }
  | { action: 'stop'; status: SessionStatus; reason: SessionReason; forgetLogin: boolean };

interface CloseContext {
  /** Boom status code of the close error, if any (network errors have none). */
  statusCode: number | undefined;
  /** Whether this device was already linked to a phone when it closed. */
  linked: boolean;
  /** How many reconnects in a row have failed so far (0 for the first). */
  attempt: number;
  /** A number in [0, 1) for jitter; injectable so tests are exact. */
  random: number;
}

const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 60_000;

/**
 * Exponential backoff with "equal jitter": half the window fixed, half random, so many
 * sessions (or many installations) losing the same network do not reconnect in lockstep.
 */
export function backoffDelay(attempt: number, random: number): number {
  const window = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.round(window / 2 + (window / 2) * random);
}

/**
 * The reconnect decision, on the Boom status code only (never on message text):
 * - 515 restart required (after pairing): reconnect at once;
 * - 401 logged out / 411 multi-device mismatch: stop and forget the login;
 * - 440 replaced by another WhatsApp Web: stop, keep the login (the user may take it back);
 * - 403 forbidden: stop (the number is banned or blocked);
 * - 408 before the device was ever linked: the QR codes ran out; stop until the user asks;
 * - anything else (network loss, 408/428/500/503, no code): reconnect with backoff.
 */
export function decideOnClose(context: CloseContext): CloseDecision {
  const { statusCode, linked } = context;
  switch (statusCode) {
    case DisconnectReason.restartRequired:
      return { action: 'reconnect_now', reason: 'restart_required' };
    case DisconnectReason.loggedOut:
    case DisconnectReason.multideviceMismatch:
      return { action: 'stop', status: 'logged_out', reason: 'logged_out', forgetLogin: true };
    case DisconnectReason.connectionReplaced:
      return { action: 'stop', status: 'disconnected', reason: 'replaced', forgetLogin: false };
    case DisconnectReason.forbidden:
      return { action: 'stop', status: 'disconnected', reason: 'forbidden', forgetLogin: false };
    case DisconnectReason.timedOut:
      if (!linked)
        return { action: 'stop', status: 'disconnected', reason: 'qr_expired', forgetLogin: false };
      break;
    default:
      break;
  }
  return {
    action: 'reconnect_later',
    reason: statusCode === DisconnectReason.badSession ? 'bad_session' : 'network',
    delayMs: backoffDelay(context.attempt, context.random),
  };
}
