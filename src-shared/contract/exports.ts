/** Exporting a conversation from the UI: the file comes back in the answer (base64). */
import { z } from 'zod';
import { readSession } from '../access.js';
import { op } from './operation.js';
import { timeZoneSchema } from './schedule.js';

import { CONVERSATION_EXPORT_FORMATS, type ConversationExportFormat } from './constants/exports.js';

export { CONVERSATION_EXPORT_FORMATS, type ConversationExportFormat };

const exportChatInput = z.strictObject({
  session: z.string().min(1),
  chat: z.string().min(1),
  format: z.enum(CONVERSATION_EXPORT_FORMATS),
  /** Unix ms, inclusive. */
  from: z.number().int().min(0).optional(),
  /** Unix ms, inclusive. */
  to: z.number().int().min(0).optional(),
  timeZone: timeZoneSchema.default('UTC'),
});

interface ExportedChat {
  fileName: string;
  contentType: string;
  base64: string;
}

export const exportOperations = {
  'exports.chat': op<ExportedChat>()(exportChatInput, readSession),
};
