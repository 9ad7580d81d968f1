import type { AssignmentSettings } from '../../../src-shared/contract/assignment.js';
import type { InternalSettings } from '../settings/internal-settings.js';

const KEY = 'assignment';

export const DEFAULT_ASSIGNMENT_SETTINGS: AssignmentSettings = {
  // The default: whoever answers an unassigned customer owns the conversation.
  replyAssigns: true,
  // Sending in someone else's chat asks first; teams that share chats freely choose "allow".
  foreignReply: 'warn',
};

/** Settings → Routing's switches, in internal settings. */
export class AssignmentSettingsStore {
  constructor(private readonly internal: InternalSettings) {}

  get(): AssignmentSettings {
    return {
      ...DEFAULT_ASSIGNMENT_SETTINGS,
      ...(this.internal.read<Partial<AssignmentSettings>>(KEY) ?? {}),
    };
  }

  update(changes: Partial<AssignmentSettings>): AssignmentSettings {
    const next = { ...this.get(), ...changes };
    this.internal.write(KEY, next);
    return next;
  }
}
