import type { BlockEvent } from '../../../src-shared/contract/events.js';
import type { ContactService } from '../contacts/contacts.js';

const PHONE_JID = /^(\d{5,20})@s\.whatsapp\.net$/;

/** A blocked contact as the block list and `contact.blocked` / `contact.unblocked` name it. */
export function blockedContactOf(contacts: ContactService, session: string, jid: string): BlockEvent {
  return {
    jid,
    chat: jid,
    phone: PHONE_JID.exec(jid)?.[1] ?? null,
    name: contacts.displayName(session, jid),
  };
}
