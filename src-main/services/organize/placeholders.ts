/**
 * Placeholders in saved replies: `[name]`, `[first_name]` and `[phone]`, filled for one chat.
 * Matching ignores case (`[Name]` works); any other `[word]` is left exactly as typed, so
 * texts like "[sic]" or "[1]" survive.
 */
interface PlaceholderValues {
  /** The contact's display name (address book, business name, then profile name). */
  name: string | null;
  /** `+` and the digits, for chats with a phone number. */
  phone: string | null;
}

/** The first word of a name ("Dana Cohen" → "Dana"). */
export function firstName(name: string | null): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : null;
}

/**
 * Fills the known placeholders. A known placeholder without a value becomes an empty string
 * (never "[name]" in a message to a customer); a `[name]` without a name falls back to the phone.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  const name = values.name?.trim() || null;
  const filled = new Map<string, string>([
    ['name', name ?? values.phone ?? ''],
    ['first_name', firstName(name) ?? ''],
    ['phone', values.phone ?? ''],
  ]);
  return text.replace(/\[([A-Za-z_]+)\]/g, (whole, key: string) => filled.get(key.toLowerCase()) ?? whole);
}
