/**
 * JID helpers. The emulator addresses accounts by phone number (PN, `@s.whatsapp.net`) and by
 * LID (`@lid`); devices add `:N` to either. Device 0 is the account's (emulated) phone, which
 * has no Signal identity here: only linked devices (1, 2, ...) take part in encryption.
 */
import { jidDecode, jidEncode } from '@whiskeysockets/baileys';

export const SERVER_JID = 's.whatsapp.net';
export const GROUP_SERVER = 'g.us';

export type AddressingDomain = 'pn' | 'lid';

export function userJid(user: string, domain: AddressingDomain = 'pn'): string {
  return jidEncode(user, domain === 'lid' ? 'lid' : 's.whatsapp.net');
}

export function deviceJid(user: string, device: number, domain: AddressingDomain = 'pn'): string {
  return jidEncode(user, domain === 'lid' ? 'lid' : 's.whatsapp.net', device);
}

export function groupJid(id: string): string {
  return id.includes('@') ? id : `${id}@${GROUP_SERVER}`;
}

export interface ParsedUserJid {
  user: string;
  device: number | undefined;
  domain: AddressingDomain;
}

/** Parses a PN or LID jid (with or without device); returns undefined for groups and others. */
export function parseUserJid(jid: string | undefined): ParsedUserJid | undefined {
  const decoded = jidDecode(jid);
  if (!decoded?.user) {
    return undefined;
  }
  if (decoded.server === 's.whatsapp.net' || decoded.server === 'c.us') {
    return { user: decoded.user, device: decoded.device, domain: 'pn' };
  }
  if (decoded.server === 'lid') {
    return { user: decoded.user, device: decoded.device, domain: 'lid' };
  }
  return undefined;
}

/** WhatsApp's Status (stories) broadcast list: every Status post is addressed to it. */
export const STATUS_JID = 'status@broadcast';

export function isStatusJid(jid: string | undefined): boolean {
  return jid === STATUS_JID;
}

export function isGroupJid(jid: string | undefined): boolean {
  return !!jid && jid.endsWith(`@${GROUP_SERVER}`);
}

/** Phone numbers are handled as bare digits ("+1 555-0100" -> "15550100"). */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (!digits) {
    throw new Error(`not a phone number: ${phone}`);
  }
  return digits;
}

export function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}
