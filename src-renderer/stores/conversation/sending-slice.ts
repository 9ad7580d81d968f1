import { useOutgoing } from '../outgoing';
import type { ConversationSlice, SendingSlice } from './types';

/** Sending to the open chat: back to its newest messages first, then through the outbox. */
export const sendingSlice: ConversationSlice<SendingSlice> = (set, get) => ({
  async send(transport, input, previewUrl = null) {
    const { session, jid } = get();
    if (!session || !jid) return;
    if (get().hasNewer) await get().jumpToLatest(transport);
    set({ highlight: null });
    const message = await useOutgoing.getState().send(transport, { session, chat: jid }, input, previewUrl);
    if (message) get().applyMessage(message);
  },
});
