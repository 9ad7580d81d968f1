/**
 * Status values the inbox's Status pane needs on the first screen, without zod (issue #23
 * target 7; `contract/status.ts` re-exports them beside its schemas).
 */

/** Background colours the UI offers for a text Status (any `#RRGGBB` is accepted). */
export const STATUS_COLORS = [
  '#25D366',
  '#128C7E',
  '#34B7F1',
  '#FF6B6B',
  '#A259FF',
  '#F4A100',
  '#1F2C34',
] as const;
