/**
 * The reasons the scheduler and the campaign runner store when a message is not sent
 * (`lastError` of a schedule, `error` of a campaign recipient). They are stable English phrases
 * for programs (docs/API.md); the UI turns each into a sentence in the person's language
 * (`pages/schedule/send-failure.ts`). Built here so both sides agree on the words.
 */
export const SEND_FAILURE = {
  noRecipient: 'no recipient',
  optedOut: 'on the opt-out list',
  emptyMessage: 'the message is empty for this recipient',
  notOnWhatsApp: 'this number is not on WhatsApp',
} as const;

/** The number was offline: the message waits and goes out when it connects. */
export function waitingForSessionReason(sessionId: string): string {
  return `waiting for session "${sessionId}" to connect`;
}

/** Overdue past the limit (the app was closed or the number offline when it was due). */
export function missedReason(dueAt: number, limitMinutes: number): string {
  return (
    `missed: due at ${new Date(dueAt).toISOString()}, more than ` +
    `${limitMinutes} minutes ago (the app was closed or the session offline)`
  );
}

export const WAITING_REASON = /^waiting for session "(.+)" to connect$/;
export const MISSED_REASON = /^missed: due at (\S+), more than (\d+) minutes ago/;
