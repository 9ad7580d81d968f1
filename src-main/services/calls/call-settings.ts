import type { CallSettings } from '../../../src-shared/contract/calls.js';
import type { SettingsService } from '../settings/settings.js';

// The schema is part of the contract (the UI validates with it too); routes import it from here.
export { callSettingsSchema, type CallSettings } from '../../../src-shared/contract/calls.js';

const DEFAULT_CALL_SETTINGS: CallSettings = { rejectCalls: false, rejectMessage: null };

/** Per-session call handling (default: calls ring on the phone as usual). */
export class CallSettingsStore {
  constructor(private readonly settings: SettingsService) {}

  get(sessionId: string): CallSettings {
    return { ...DEFAULT_CALL_SETTINGS, ...this.settings.getInternal<CallSettings>(`calls:${sessionId}`) };
  }

  set(sessionId: string, value: CallSettings): CallSettings {
    this.settings.setInternal(`calls:${sessionId}`, value);
    return this.get(sessionId);
  }
}
