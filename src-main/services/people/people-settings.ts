import type { PeopleSettings } from '../../../src-shared/contract/people.js';
import type { InternalSettings } from '../settings/internal-settings.js';

const KEY = 'people';

export const DEFAULT_PEOPLE_SETTINGS: PeopleSettings = {
  // A shop's working day: a browser left open over lunch stays signed in, one forgotten overnight does not.
  idleMinutes: 12 * 60,
  auditRetentionDays: 365,
  askWhoIsUsingThisPc: false,
};

/** Idle expiry, audit retention and the desktop switcher (Settings → Team), in internal settings. */
export class PeopleSettingsStore {
  constructor(private readonly internal: InternalSettings) {}

  get(): PeopleSettings {
    return { ...DEFAULT_PEOPLE_SETTINGS, ...(this.internal.read<Partial<PeopleSettings>>(KEY) ?? {}) };
  }

  update(changes: Partial<PeopleSettings>): PeopleSettings {
    const next = { ...this.get(), ...changes };
    this.internal.write(KEY, next);
    return next;
  }
}
