/**
 * The conversation export formats, without zod, for the conversation header on the first screen
 * (issue #23 target 7; `contract/exports.ts` re-exports them beside its schema).
 */
export const CONVERSATION_EXPORT_FORMATS = ['whatsapp', 'html', 'json'] as const;
export type ConversationExportFormat = (typeof CONVERSATION_EXPORT_FORMATS)[number];
