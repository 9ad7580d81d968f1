import { create } from 'zustand';
import type { Message } from '../../src-shared/messages';
import { draftStorage, isEmptyDraft, type Draft } from '../model/drafts';

interface DraftsState {
  /** By chat (`session|jid`): only chats with something unsent. */
  drafts: Record<string, Draft>;
  setText(chat: string, text: string): void;
  setReplyTo(chat: string, replyTo: Message | null): void;
}

/**
 * The unsent drafts of every chat, for the message box (restored when the chat opens again) and
 * the chat list ("Draft: …" instead of the last message). Each change is written to
 * localStorage at once, so a reload or a crash loses nothing typed.
 */
export const useDrafts = create<DraftsState>((set, get) => {
  const put = (chat: string, change: Partial<Draft>) => {
    const next: Draft = { ...(get().drafts[chat] ?? { text: '', replyTo: null }), ...change };
    draftStorage.write(chat, next);
    set((state) => {
      const drafts = { ...state.drafts };
      if (isEmptyDraft(next)) delete drafts[chat];
      else drafts[chat] = next;
      return { drafts };
    });
  };
  return {
    drafts: draftStorage.all(),
    setText: (chat, text) => put(chat, { text }),
    setReplyTo: (chat, replyTo) => put(chat, { replyTo }),
  };
});
