import type { Retention } from '../../../src-shared/contract/housekeeping.js';
import { AppError } from '../../../src-shared/errors.js';
import type { Db } from '../../db/connection.js';
import type { InternalSettings } from '../settings/internal-settings.js';

const RULES_KEY = 'housekeeping.retention';
const DAY_MS = 24 * 3600_000;

/** Nothing is removed until the owner says so. */
const NO_RETENTION: Retention = { mediaDays: null, messageDays: {} };

/** The retention rules (an internal settings row, so no migration). */
export class RetentionRules {
  constructor(
    private readonly db: Db,
    private readonly internal: InternalSettings,
  ) {}

  get(): Retention {
    const stored = this.internal.read<Partial<Retention>>(RULES_KEY);
    return { ...NO_RETENTION, ...stored, messageDays: { ...stored?.messageDays } };
  }

  /** Fields left out keep their value; a number's rule set to null is removed. */
  change(input: {
    mediaDays?: number | null | undefined;
    messageDays?: Record<string, number | null> | undefined;
  }): Retention {
    const next = this.get();
    if (input.mediaDays !== undefined) next.mediaDays = input.mediaDays;
    const known = new Set(
      (this.db.$client.prepare('SELECT id FROM sessions').all() as { id: string }[]).map((row) => row.id),
    );
    for (const [session, days] of Object.entries(input.messageDays ?? {})) {
      if (days === null) {
        delete next.messageDays[session];
        continue;
      }
      if (!known.has(session)) {
        throw new AppError('VALIDATION_FAILED', `There is no number "${session}".`, `messageDays.${session}`);
      }
      next.messageDays[session] = days;
    }
    this.internal.write(RULES_KEY, next);
    return next;
  }

  /** Whether any rule would remove something. */
  static active(rules: Retention): boolean {
    return rules.mediaDays !== null || Object.keys(rules.messageDays).length > 0;
  }

  /** The rules as cut-off times from `now`. */
  static cutoffs(
    rules: Retention,
    now: number,
  ): { mediaBefore: number | null; messagesBefore: Record<string, number> } {
    return {
      mediaBefore: rules.mediaDays === null ? null : now - rules.mediaDays * DAY_MS,
      messagesBefore: Object.fromEntries(
        Object.entries(rules.messageDays).map(([session, days]) => [session, now - days * DAY_MS]),
      ),
    };
  }
}
