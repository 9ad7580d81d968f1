import type { SendPacing } from '../../../src-shared/contract/send-pacing.js';
import type { PaceRange } from '../../core/config.js';
import type { SettingsService } from '../settings/settings.js';

interface StoredPacing {
  groupSends: boolean;
}

/** Seed 002 paces group sends by default: a number that posts to groups from a script looks human. */
const DEFAULT_PACING: StoredPacing = { groupSends: true };

/**
 * Whether a number's API sends to groups wait a human pause (issue #26 point 5), stored per
 * number in `settings` (`pacing:<session>`, removed with the number by the session purge), and
 * the pause's bounds (CHATDOCK_GROUP_PACE_MS, the same for every number).
 */
export class SendPacingSettings {
  constructor(
    private readonly settings: SettingsService,
    private readonly range: PaceRange,
  ) {}

  get(sessionId: string): SendPacing {
    const stored = { ...DEFAULT_PACING, ...this.settings.getInternal<StoredPacing>(`pacing:${sessionId}`) };
    return { groupSends: stored.groupSends, minMs: this.range.minMs, maxMs: this.range.maxMs };
  }

  set(sessionId: string, value: StoredPacing): SendPacing {
    this.settings.setInternal(`pacing:${sessionId}`, { groupSends: value.groupSends } satisfies StoredPacing);
    return this.get(sessionId);
  }

  /** A pause drawn from the range; `random` is injected so tests choose it. */
  pauseMs(random: () => number): number {
    const { minMs, maxMs } = this.range;
    return minMs + Math.floor(random() * (maxMs - minMs + 1));
  }
}
