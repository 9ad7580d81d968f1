import { chatKey } from '../../model/inbox/chat-order';
import { mergeMessages } from '../../model/inbox/history';
import { useOutgoing } from '../outgoing';
import { isOpen, NO_HISTORY, NO_SELECTION, type ConversationRuntime, type MessageChange } from './runtime';
import type { ConversationSlice, LiveSlice } from './types';

/** Live events (new messages, acks, reactions, deletions) applied to the open chat. */
export const liveSlice =
  (runtime: ConversationRuntime): ConversationSlice<LiveSlice> =>
  (set, get) => {
    function updateMessage(session: string, chat: string, id: string, change: MessageChange): void {
      const apply = () =>
        set((state) => ({ messages: state.messages.map((m) => (m.id === id ? change(m) : m)) }));
      // A chat about to open (its page asked on the click): made on top of that page only.
      if (!isOpen(get(), session, chat)) runtime.eventsDuringLoad.keep(apply, chatKey(session, chat));
      else runtime.eventsDuringLoad.apply(apply, chatKey(session, chat));
    }

    return {
      applyMessage(message) {
        useOutgoing.getState().confirm(message);
        const apply = () => set((state) => ({ messages: mergeMessages(state.messages, [message]) }));
        if (!isOpen(get(), message.session, message.chat)) {
          // A chat about to open (its page asked on the click): made on top of that page only.
          runtime.eventsDuringLoad.keep(apply, chatKey(message.session, message.chat));
          return;
        }
        const known = get().messages.some((m) => m.id === message.id);
        // After a jump into the past, new messages wait until the newest page is loaded again.
        if (!known && get().hasNewer) return;
        runtime.eventsDuringLoad.apply(apply, chatKey(message.session, message.chat));
      },

      applyAck(session, ack) {
        updateMessage(
          session,
          ack.chat,
          ack.id,
          (m) => mergeMessages([m], [{ ...m, status: ack.status }])[0] ?? m,
        );
      },

      applyReaction(session, reaction) {
        updateMessage(session, reaction.chat, reaction.id, (m) => {
          const others = m.reactions.filter((r) => r.sender !== reaction.sender);
          const reactions = reaction.removed
            ? others
            : [
                ...others,
                { sender: reaction.sender, emoji: reaction.emoji, timestamp: new Date().toISOString() },
              ];
          return { ...m, reactions };
        });
      },

      applyDeleted(session, ref) {
        updateMessage(session, ref.chat, ref.id, (m) => ({
          ...m,
          revoked: true,
          text: null,
          media: null,
          content: null,
        }));
      },

      forgetSession(session, historyKept) {
        useOutgoing.getState().forgetSession(session);
        runtime.prefetch.forgetSession(session);
        if (get().session !== session) return;
        // Answers still on their way belong to a chat that no longer exists.
        runtime.restart();
        set({
          ...NO_HISTORY,
          highlight: null,
          ...NO_SELECTION,
          error: historyKept
            ? 'This number was deleted. Its chats are kept and come back if a number with the same id is added.'
            : 'This number was deleted, and its chats with it.',
        });
      },
    };
  };
