/**
 * Webhook extra headers often carry the receiver's credentials (`Authorization: Bearer …`). They
 * are sent with each delivery but never shown again after they were set: reads show each value
 * masked, keeping its last characters when it is long enough to stay secret, so the owner can
 * still tell which token is set.
 */
const HEADER_MASK = '••••••';

export function maskHeaderValue(value: string): string {
  return value.length >= 16 ? `${HEADER_MASK}${value.slice(-4)}` : HEADER_MASK;
}

export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, maskHeaderValue(value)]));
}

/**
 * The headers an edit stores. A form shows the masked values; a value sent back exactly as it
 * was shown means "unchanged" and keeps the stored secret (names compared ignoring case, as HTTP does).
 */
export function mergeHeaderEdit(
  stored: Record<string, string>,
  edited: Record<string, string>,
): Record<string, string> {
  const byName = new Map(Object.entries(stored).map(([name, value]) => [name.toLowerCase(), value]));
  return Object.fromEntries(
    Object.entries(edited).map(([name, value]) => {
      const previous = byName.get(name.toLowerCase());
      return [name, previous !== undefined && value === maskHeaderValue(previous) ? previous : value];
    }),
  );
}
