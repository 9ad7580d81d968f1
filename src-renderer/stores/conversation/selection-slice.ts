import { NO_SELECTION } from './runtime';
import type { ConversationSlice, NoticeSlice, SelectionSlice } from './types';

/** One message at a time is replied to or edited (choosing one drops the other). */
export const selectionSlice: ConversationSlice<SelectionSlice> = (set) => ({
  ...NO_SELECTION,
  setReplyTo: (message) => set({ replyTo: message, editing: null }),
  setEditing: (message) => set({ editing: message, replyTo: null }),
  setForwarding: (message) => set({ forwarding: message }),
});

/** The alert about an action that failed; opening another chat clears it. */
export const noticeSlice: ConversationSlice<NoticeSlice> = (set) => ({
  notice: null,
  setNotice: (notice) => set({ notice }),
});
