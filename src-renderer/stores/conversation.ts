import { create } from 'zustand';
import { jumpSlice } from './conversation/jump-slice';
import { liveSlice } from './conversation/live-slice';
import { pagingSlice } from './conversation/paging-slice';
import { ConversationRuntime } from './conversation/runtime';
import { noticeSlice, selectionSlice } from './conversation/selection-slice';
import { sendingSlice } from './conversation/sending-slice';
import type { ConversationState } from './conversation/types';

/** Creates a conversation store; the app has one (`useConversation`), tests may make their own. */
export function createConversationStore() {
  const runtime = new ConversationRuntime();
  return create<ConversationState>((...store) => ({
    ...pagingSlice(runtime)(...store),
    ...jumpSlice(runtime)(...store),
    ...liveSlice(runtime)(...store),
    ...sendingSlice(...store),
    ...selectionSlice(...store),
    ...noticeSlice(...store),
  }));
}

/** The open conversation: its loaded history, live updates, sending, and the message in hand. */
export const useConversation = createConversationStore();
