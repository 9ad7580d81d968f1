import { z } from 'zod';
import type { SettingsService } from './settings.js';

export const callSettingsSchema = z
  .object({
    rejectCalls: z.boolean().describe('Reject every incoming call automatically'),
    rejectMessage: z
      .string()
      .trim()
      .max(1000)
      .nullable()
      .describe('Sent to the caller after an automatic reject; null sends nothing'),
  })
  .strict()
  .meta({
    id: 'CallSettings',
    example: { rejectCalls: true, rejectMessage: 'We cannot take calls here. Please send a message 🙏' },
  });
export type CallSettings = z.infer<typeof callSettingsSchema>;

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
