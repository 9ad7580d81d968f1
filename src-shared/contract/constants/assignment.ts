/**
 * A chat's assignment statuses, without zod, for the inbox's filters on the first screen
 * (issue #23 target 7; `contract/assignment.ts` re-exports them beside its schemas).
 */
export const CHAT_STATUSES = ['open', 'pending', 'resolved'] as const;
export type ChatStatus = (typeof CHAT_STATUSES)[number];
