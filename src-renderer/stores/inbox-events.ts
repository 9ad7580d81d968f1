import type { AnyEventEnvelope } from '../../src-shared/contract/events';
import { useAssignment } from './assignment';
import { admitChat, recheckChat } from './assignment-view';
import { useAvatars } from './avatars';
import { useConversation } from './conversation';
import { useInbox } from './inbox';
import { notifyIncoming } from './notifications';
import { applyParityEvent } from './parity-events';
import { useStaffPresence } from './staff-presence';
import { useViewCounts } from './view-counts';
import type { Transport } from '../transport/types';

/**
 * Feeds the inbox stores with the core's live events (called by components/LiveEvents). The
 * transport lets the list ask whether a chat belongs in its view (Mine, Unassigned, …).
 */
export function applyInboxEvent(event: AnyEventEnvelope, transport: Transport | null = null): void {
  const session = event.session ?? '';
  const inbox = useInbox.getState();
  const conversation = useConversation.getState();
  // A chat may have joined or left a view: its count is read again once the burst settles.
  const recount = () => useViewCounts.getState().refreshSoon(transport);
  switch (event.type) {
    case 'chat.updated':
      admitChat(transport, event.data);
      recount();
      break;
    case 'chat.assigned':
      useAssignment.getState().applyAssigned(transport, session, event.data);
      recheckChat(transport, session, event.data.chat);
      recount();
      break;
    case 'chat.status_changed':
      useAssignment.getState().applyStatus(transport, session, event.data);
      recheckChat(transport, session, event.data.chat);
      recount();
      break;
    case 'staff.presence':
      useStaffPresence.getState().apply(session, event.data);
      break;
    case 'message.received':
      conversation.applyMessage(event.data);
      inbox.applyPresence(session, {
        chat: event.data.chat,
        jid: event.data.sender ?? '',
        presence: 'paused',
      });
      void notifyIncoming(event.data, transport);
      break;
    // A post of a followed channel: shown where its chat is open (the chat list hears chat.updated).
    case 'channel.message':
      conversation.applyMessage(event.data);
      break;
    // message.paced: a group send waiting its human pause (or failed), shown until message.sent
    // with the same id replaces it.
    case 'message.sent':
    case 'message.paced':
    case 'message.edited':
      conversation.applyMessage(event.data);
      break;
    case 'message.updated':
      // New poll votes: refresh the poll where it is shown, but never add an old message to the view.
      if (conversation.messages.some((m) => m.id === event.data.id && m.chat === event.data.chat))
        conversation.applyMessage(event.data);
      break;
    case 'message.ack':
      inbox.applyAck(session, event.data);
      conversation.applyAck(session, event.data);
      break;
    case 'message.reaction':
      conversation.applyReaction(session, event.data);
      break;
    case 'message.deleted':
      conversation.applyDeleted(session, event.data);
      break;
    case 'presence.updated':
      inbox.applyPresence(session, event.data);
      break;
    case 'session.deleted':
      inbox.removeSession(event.data.id);
      conversation.forgetSession(event.data.id, event.data.historyKept);
      break;
    case 'contact.updated':
      // Also sent when the picture changed: avatars on screen ask for a fresh link.
      useAvatars.getState().outdate(session, event.data.jid);
      break;
    case 'chat.cleared':
    case 'chat.deleted':
    case 'contact.blocked':
    case 'contact.unblocked':
    case 'contact.presence':
    case 'session.privacy_updated':
      applyParityEvent(event);
      break;
    default:
      break;
  }
}
