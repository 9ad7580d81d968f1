/**
 * When to try a delivery again. Network errors, timeouts, 429 and 5xx are worth retrying;
 * any other answer outside 2xx is final. Delays grow exponentially from `baseMs` up to
 * `maxMs`, with ±20% jitter so receivers coming back are not hit by everyone at once.
 * The defaults give 12 attempts over about 20 hours.
 */
export interface RetryConfig {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetryConfig = { baseMs: 60_000, maxMs: 6 * 60 * 60 * 1000, maxAttempts: 12 };

/** What one attempt came to. `statusCode` is null after a network error or timeout. */
interface AttemptOutcome {
  statusCode: number | null;
  /** Seconds or an HTTP date from a 429/503 `Retry-After`, if the receiver sent one. */
  retryAfter?: string | null;
}

export type Decision =
  { status: 'succeeded' } | { status: 'pending'; nextAttemptAt: number } | { status: 'failed' };

function isSuccess(statusCode: number | null): boolean {
  return statusCode !== null && statusCode >= 200 && statusCode < 300;
}

export function isRetryable(statusCode: number | null): boolean {
  return statusCode === null || statusCode === 429 || statusCode >= 500;
}

/** The delay before attempt `attempts + 1`, after `attempts` failed ones (1 → baseMs). */
export function backoffMs(config: RetryConfig, attempts: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempts - 1);
  const raw = Math.min(config.maxMs, config.baseMs * 2 ** Math.min(exponent, 40));
  const jittered = raw * (0.8 + 0.4 * random());
  return Math.max(1, Math.round(Math.min(jittered, config.maxMs)));
}

/** A `Retry-After` value in ms from now, or null if absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** `attempts` counts the attempt just made. */
export function decide(
  config: RetryConfig,
  outcome: AttemptOutcome,
  attempts: number,
  now: number,
  random: () => number = Math.random,
): Decision {
  if (isSuccess(outcome.statusCode)) return { status: 'succeeded' };
  if (!isRetryable(outcome.statusCode) || attempts >= config.maxAttempts) return { status: 'failed' };
  // Never sooner than our own backoff; later when the receiver asks for it (Retry-After).
  const asked = retryAfterMs(outcome.retryAfter, now) ?? 0;
  const delay = Math.min(config.maxMs, Math.max(asked, backoffMs(config, attempts, random)));
  return { status: 'pending', nextAttemptAt: now + delay };
}
