import { create } from 'zustand';
import type { ContactPresence } from '../../src-shared/contract/contact-presence';
import { chatKey } from '../model/inbox/chat-order';
import type { Transport } from '../transport/types';

/**
 * Customers' online / last seen / typing for the chat header (issue #19). Opening a chat asks the
 * core to subscribe (`contactPresence.watch`); `contact.presence` events keep it current.
 */
interface ContactPresenceState {
  /** By chatKey(session, jid). */
  known: Record<string, ContactPresence>;
  watch(transport: Transport, session: string, jid: string): Promise<void>;
  apply(session: string, presence: ContactPresence): void;
}

export const useContactPresence = create<ContactPresenceState>((set, get) => ({
  known: {},
  async watch(transport, session, jid) {
    try {
      const now = await transport.call('contactPresence.watch', { session, chat: jid });
      // An event may have come first: only an answer that knows something replaces nothing.
      if (now.state !== 'unknown' && !get().known[chatKey(session, now.chat)]) get().apply(session, now);
    } catch {
      // Offline number or a group: the header simply shows no presence.
    }
  },
  apply(session, presence) {
    set((state) => ({ known: { ...state.known, [chatKey(session, presence.chat)]: presence } }));
  },
}));
