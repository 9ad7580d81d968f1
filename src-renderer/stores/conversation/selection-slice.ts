import type { Message } from '../../../src-shared/messages';
import { chatKey } from '../../model/inbox/chat-order';
import { useDrafts } from '../drafts';
import { NO_SELECTION } from './runtime';
import type { ConversationSlice, NoticeSlice, SelectionSlice } from './types';

/** One message at a time is replied to or edited (choosing one drops the other). */
export const selectionSlice: ConversationSlice<SelectionSlice> = (set, get) => {
  /** The reply target is part of the chat's draft: it is still there after a reload. */
  const keepInDraft = (replyTo: Message | null) => {
    const { session, jid } = get();
    if (session && jid) useDrafts.getState().setReplyTo(chatKey(session, jid), replyTo);
  };
  return {
    ...NO_SELECTION,
    setReplyTo: (message) => {
      set({ replyTo: message, editing: null });
      keepInDraft(message);
    },
    setEditing: (message) => {
      set({ editing: message, replyTo: null });
      if (message) keepInDraft(null);
    },
    setForwarding: (message) => set({ forwarding: message }),
  };
};

/** The alert about an action that failed; opening another chat clears it. */
export const noticeSlice: ConversationSlice<NoticeSlice> = (set) => ({
  notice: null,
  setNotice: (notice) => set({ notice }),
});
