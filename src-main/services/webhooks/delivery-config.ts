import { DEFAULT_RETRY, type RetryConfig } from './retry-policy.js';

/** How the delivery worker behaves; tests shorten the delays through the environment. */
export interface DeliveryConfig {
  retry: RetryConfig;
  /** One POST may take this long before it counts as a timeout. */
  timeoutMs: number;
  /** Deliveries in flight at once (never two of the same chat). */
  concurrency: number;
}

export const DEFAULT_DELIVERY: DeliveryConfig = { retry: DEFAULT_RETRY, timeoutMs: 10_000, concurrency: 8 };

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number above 0, got "${text}"`);
  }
  return value;
}

/**
 * `CHATDOCK_WEBHOOK_RETRY_BASE_MS`, `…_RETRY_MAX_MS`, `…_MAX_ATTEMPTS`, `…_TIMEOUT_MS` and
 * `…_CONCURRENCY` override the defaults (1 min doubling to 6 h, 12 attempts, 10 s, 8).
 */
export function deliveryConfigFromEnv(env: NodeJS.ProcessEnv): DeliveryConfig {
  return {
    retry: {
      baseMs: positive(env, 'CHATDOCK_WEBHOOK_RETRY_BASE_MS', DEFAULT_RETRY.baseMs),
      maxMs: positive(env, 'CHATDOCK_WEBHOOK_RETRY_MAX_MS', DEFAULT_RETRY.maxMs),
      maxAttempts: positive(env, 'CHATDOCK_WEBHOOK_MAX_ATTEMPTS', DEFAULT_RETRY.maxAttempts),
    },
    timeoutMs: positive(env, 'CHATDOCK_WEBHOOK_TIMEOUT_MS', DEFAULT_DELIVERY.timeoutMs),
    concurrency: positive(env, 'CHATDOCK_WEBHOOK_CONCURRENCY', DEFAULT_DELIVERY.concurrency),
  };
}
