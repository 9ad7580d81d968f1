/**
 * The disappearing-message timers, without zod, for the conversation header on the first screen
 * (issue #23 target 7; `contract/disappearing.ts` re-exports them beside its schema).
 */

/** Off, 24 hours, 7 days, 90 days: the choices WhatsApp's own apps offer. */
export const DISAPPEARING_TIMERS = [0, 86_400, 604_800, 7_776_000] as const;
