/**
 * Phone number and JID rules, in one place. Every recipient the API or UI accepts goes
 * through `toJid` once; everything stored uses the normalised form.
 */
import { AppError } from './errors.js';

export const USER_SERVER = 's.whatsapp.net';
export const GROUP_SERVER = 'g.us';
const LID_SERVER = 'lid';
const NEWSLETTER_SERVER = 'newsletter';
/** Legacy server name some tools still send; WhatsApp treats it as s.whatsapp.net. */
const LEGACY_USER_SERVER = 'c.us';

export type JidKind = 'user' | 'group' | 'lid' | 'newsletter' | 'broadcast';

const KNOWN_SERVERS: Record<string, JidKind> = {
  [USER_SERVER]: 'user',
  [LEGACY_USER_SERVER]: 'user',
  [GROUP_SERVER]: 'group',
  [LID_SERVER]: 'lid',
  [NEWSLETTER_SERVER]: 'newsletter',
  broadcast: 'broadcast',
};

/** E.164 allows at most 15 digits; no real number is shorter than 7. */
const MIN_PHONE_DIGITS = 7;
const MAX_PHONE_DIGITS = 15;

/**
 * Digits of a phone number written in any common way: `+972 50-123-4567`, `(972) 501234567`,
 * `00972501234567`. Returns null when it is not a plausible international number.
 */
export function normalisePhone(input: string): string | null {
  const trimmed = input.trim();
  if (!/^[+\d\s().-]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  // "00" is the international call prefix in most countries: 00972… means +972….
  if (!trimmed.startsWith('+') && digits.startsWith('00')) digits = digits.slice(2);
  if (digits.length < MIN_PHONE_DIGITS || digits.length > MAX_PHONE_DIGITS) return null;
  if (digits.startsWith('0')) return null;
  return digits;
}

interface ParsedJid {
  user: string;
  server: string;
  kind: JidKind;
  /** Linked-device index (`972…:3@s.whatsapp.net`), when present. */
  device?: number;
}

export function parseJid(jid: string): ParsedJid | null {
  const at = jid.indexOf('@');
  if (at <= 0 || at !== jid.lastIndexOf('@')) return null;
  const server = jid.slice(at + 1).toLowerCase();
  const kind = KNOWN_SERVERS[server];
  if (!kind) return null;
  const local = jid.slice(0, at);
  const [userAndAgent, deviceText] = local.split(':');
  const user = (userAndAgent ?? '').split('_')[0] ?? '';
  if (!user) return null;
  if (kind === 'group' ? !/^[\d-]+$/.test(user) : !/^\d+$/.test(user)) return null;
  const parsed: ParsedJid = { user, server: server === LEGACY_USER_SERVER ? USER_SERVER : server, kind };
  if (deviceText !== undefined) {
    const device = Number(deviceText);
    if (!Number.isInteger(device) || device < 0) return null;
    parsed.device = device;
  }
  return parsed;
}

/**
 * Normalises a recipient (phone number in any common format, or a JID) to the JID WhatsApp
 * addresses: users lose their device suffix; `@c.us` becomes `@s.whatsapp.net`.
 * Throws VALIDATION_FAILED naming `field` when the input is neither.
 */
export function toJid(input: string, field = 'to'): string {
  const value = input.trim();
  if (value.includes('@')) {
    const parsed = parseJid(value);
    if (!parsed) throw new AppError('VALIDATION_FAILED', `${field}: not a valid WhatsApp JID`, field);
    return `${parsed.user}@${parsed.server}`;
  }
  const phone = normalisePhone(value);
  if (!phone) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${field}: must be a phone number in international format or a JID`,
      field,
    );
  }
  return `${phone}@${USER_SERVER}`;
}

export function jidKind(jid: string): JidKind | null {
  return parseJid(jid)?.kind ?? null;
}

export function isGroupJid(jid: string): boolean {
  return jidKind(jid) === 'group';
}

/** A plain user JID as stored (digits, no device): what `phoneOfJid` meets for almost every chat. */
const PLAIN_USER_JID = /^(\d+)@s\.whatsapp\.net$/;

/** The phone number of a `@s.whatsapp.net` JID, or null for groups, LIDs and channels. */
export function phoneOfJid(jid: string): string | null {
  // Every chat of a chat-list page passes here: the stored form is matched at once, any other
  // spelling is parsed in full (the same answer either way).
  const plain = PLAIN_USER_JID.exec(jid);
  if (plain) return plain[1] ?? null;
  const parsed = parseJid(jid);
  return parsed?.kind === 'user' ? parsed.user : null;
}
