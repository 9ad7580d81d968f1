import { create } from 'zustand';
import type { AnyEventEnvelope } from '../../src-shared/contract/events';
import { chatKey } from '../model/inbox/chat-order';
import { useBlocklist } from './blocklist';
import { useContactPresence } from './contact-presence';
import { useConversation } from './conversation';
import { useInbox } from './inbox';
import { usePrivacyLive } from './privacy-live';

/** Chats deleted while the window is open, by chatKey: a count, so each deletion is news. */
export const useDeletedChats = create<{ deleted: Record<string, number> }>(() => ({ deleted: {} }));

/**
 * Issue #19's events in the inbox and Sessions: a chat cleared or deleted (here, by someone else
 * or on the phone), a contact blocked or unblocked, a customer's presence, the privacy settings.
 */
export function applyParityEvent(event: AnyEventEnvelope): void {
  const session = event.session ?? '';
  switch (event.type) {
    case 'chat.cleared': {
      // The list learns the emptied chat from the `chat.updated` that follows; the open chat empties.
      const conversation = useConversation.getState();
      if (conversation.session === session && conversation.jid === event.data.chat) {
        useConversation.setState({ messages: [], hasOlder: false, hasNewer: false });
      }
      break;
    }
    case 'chat.deleted': {
      const key = chatKey(session, event.data.chat);
      useInbox.getState().hideChat(key);
      useInbox.setState((state) => {
        const { [key]: _gone, ...unread } = state.unread;
        return { unread };
      });
      useDeletedChats.setState((state) => ({
        deleted: { ...state.deleted, [key]: (state.deleted[key] ?? 0) + 1 },
      }));
      break;
    }
    case 'contact.blocked':
    case 'contact.unblocked':
      useBlocklist
        .getState()
        .apply(
          session,
          { jid: event.data.jid, phone: event.data.phone, name: event.data.name },
          event.type === 'contact.blocked',
        );
      break;
    case 'contact.presence':
      useContactPresence.getState().apply(session, event.data);
      break;
    case 'session.privacy_updated':
      usePrivacyLive.getState().apply(session, event.data);
      break;
    default:
      break;
  }
}
