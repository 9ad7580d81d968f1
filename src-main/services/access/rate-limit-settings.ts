import type { Actor } from '../../../src-shared/contract/people.js';
import {
  DEFAULT_RATE_LIMITS,
  RATE_LIMIT_KINDS,
  rateLimitSchema,
  type RateLimitSettings,
  type RateLimitTable,
  type SetRateLimitsInput,
} from '../../../src-shared/contract/rate-limits.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { InternalSettings } from '../settings/internal-settings.js';

const KEY = 'rate-limits';

/**
 * The rate limits by kind in force (Settings → Rate limits). The table is kept in memory: the
 * API's limiter (api/rate-limit.ts) reads it on every request, so it must cost nothing; it is a
 * new object after each change, which is how the limiter notices one.
 */
export class RateLimitSettingsStore {
  private current: RateLimitTable | null = null;

  constructor(
    private readonly internal: InternalSettings,
    private readonly events: EventRecorder,
  ) {}

  /** The limits in force (defaults for kinds never set, or stored values no longer valid). */
  limits(): RateLimitTable {
    if (!this.current) {
      const stored = this.internal.read<Partial<Record<string, unknown>>>(KEY) ?? {};
      const table = { ...DEFAULT_RATE_LIMITS };
      for (const kind of RATE_LIMIT_KINDS) {
        const parsed = rateLimitSchema.safeParse(stored[kind]);
        if (parsed.success) table[kind] = parsed.data;
      }
      this.current = table;
    }
    return this.current;
  }

  get(): RateLimitSettings {
    return { limits: this.limits(), defaults: DEFAULT_RATE_LIMITS };
  }

  /** Kinds left out keep their limit, null resets one; announced as `rate_limits.updated`. */
  set(input: SetRateLimitsInput, actor?: Actor): RateLimitSettings {
    const next = { ...this.limits() };
    for (const kind of RATE_LIMIT_KINDS) {
      const value = input.limits[kind];
      if (value === null) next[kind] = DEFAULT_RATE_LIMITS[kind];
      else if (value) next[kind] = value;
    }
    this.events.transaction(() => {
      this.internal.write(KEY, next);
      this.events.record('rate_limits.updated', null, { limits: next, defaults: DEFAULT_RATE_LIMITS }, actor);
    });
    this.current = next;
    return this.get();
  }
}
