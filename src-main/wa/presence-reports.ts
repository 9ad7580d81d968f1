/**
 * Baileys' `presence.update` as reports on our chats (issue #19). WhatsApp now reports many
 * contacts' presence by LID (`<presence from="…@lid">`) even when we subscribed by phone number;
 * our one-to-one chats are keyed by the phone-number JID, so a LID is turned back into it through
 * the LID↔PN mapping Baileys keeps (learnt from usync answers and `sender_lid` / `*_pn` attributes).
 * A LID with no known phone number stays a LID (and matches a chat kept under that LID).
 */
import { isLidUser, jidNormalizedUser, type BaileysEventMap, type WASocket } from '@whiskeysockets/baileys';

export interface PresenceUpdate {
  chat: string;
  jid: string;
  presence: string;
  lastSeen?: number;
}

type LidResolver = Pick<WASocket['signalRepository']['lidMapping'], 'getPNForLID'>;

async function toPhoneJid(lids: LidResolver, jid: string): Promise<string> {
  const normalized = jidNormalizedUser(jid);
  if (!isLidUser(normalized)) return normalized;
  const pn = await lids.getPNForLID(normalized).catch(() => null);
  return pn ? jidNormalizedUser(pn) : normalized;
}

export async function presenceUpdates(
  lids: LidResolver,
  { id, presences }: BaileysEventMap['presence.update'],
): Promise<PresenceUpdate[]> {
  const chat = await toPhoneJid(lids, id);
  const updates: PresenceUpdate[] = [];
  for (const [jid, presence] of Object.entries(presences)) {
    updates.push({
      chat,
      jid: await toPhoneJid(lids, jid),
      presence: presence.lastKnownPresence,
      ...(presence.lastSeen ? { lastSeen: presence.lastSeen } : {}),
    });
  }
  return updates;
}
