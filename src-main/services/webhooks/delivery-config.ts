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

/** The defaults with whichever values the configuration overrides (`core/config.ts` parses them). */
export function deliveryConfigWith(overrides: {
  retryBaseMs?: number;
  retryMaxMs?: number;
  maxAttempts?: number;
  timeoutMs?: number;
  concurrency?: number;
}): DeliveryConfig {
  return {
    retry: {
      baseMs: overrides.retryBaseMs ?? DEFAULT_RETRY.baseMs,
      maxMs: overrides.retryMaxMs ?? DEFAULT_RETRY.maxMs,
      maxAttempts: overrides.maxAttempts ?? DEFAULT_RETRY.maxAttempts,
    },
    timeoutMs: overrides.timeoutMs ?? DEFAULT_DELIVERY.timeoutMs,
    concurrency: overrides.concurrency ?? DEFAULT_DELIVERY.concurrency,
  };
}
