/** A WhatsApp-style message id chosen before sending, so the pending bubble and the stored message are one. */
export function newMessageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `3EB0${[...bytes]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;
}

/** One per composed message: a retry with it never sends twice. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
