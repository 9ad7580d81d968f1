/**
 * Phone numbers as people type and read them. WhatsApp ids carry bare international digits
 * (`447700900999`); people type `07700 900999`, `+44 7700 900999` or `(0044) 7700-900999`.
 * libphonenumber-js knows each country's trunk prefixes and groupings.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/** "+44 7700 900999" for the digits of a number; the digits with "+" when the country is unknown. */
export function formatPhone(digits: string | null | undefined): string | null {
  if (!digits) return null;
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  return parsed ? parsed.formatInternational() : `+${digits}`;
}

/** The country of an international number (the linked phone's), to read local numbers typed. */
export function countryOf(digits: string | null | undefined): CountryCode | undefined {
  return digits ? parsePhoneNumberFromString(`+${digits}`)?.country : undefined;
}

export interface TypedPhone {
  /** International digits, as WhatsApp ids carry them. */
  digits: string;
  /** "+44 7700 900999". */
  display: string;
}

/**
 * A number typed in any common format, read in `country` when it has no international prefix;
 * null when it cannot be a phone number (too short, letters, …).
 */
export function parseTypedPhone(text: string, country?: CountryCode): TypedPhone | null {
  const trimmed = text.trim();
  if (!/^[+(]?[\d\s().\-/]{5,}$/.test(trimmed) || !/\d/.test(trimmed)) return null;
  // "00" is the international prefix almost everywhere: "0044 7700 900999".
  const normalized = trimmed.replace(/^\(?00/, '+');
  const local = parsePhoneNumberFromString(normalized, country);
  // Digits without "+" may also be an international number someone copied from a WhatsApp id.
  const parsed =
    local?.isPossible() || normalized.startsWith('+')
      ? local
      : parsePhoneNumberFromString(`+${normalized.replace(/\D/g, '')}`);
  if (!parsed?.isPossible()) return null;
  const digits = parsed.number.slice(1);
  return { digits, display: parsed.formatInternational() };
}
