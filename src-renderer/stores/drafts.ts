import { create } from 'zustand';
import type { Message } from '../../src-shared/messages';
import { draftStorage, isEmptyDraft, type Draft } from '../model/drafts';

/**
 * How long typing may pause before the text is stored. Each stored change re-renders what
 * shows drafts (every chat row's selector runs) and writes localStorage: per keystroke that made
 * typing lag on a slow PC (issue #23 target 7), so a burst of keys is stored once.
 */
export const DRAFT_SETTLE_MS = 400;

interface DraftsState {
  /** By chat (`session|jid`): only chats with something unsent. */
  drafts: Record<string, Draft>;
  /** The box's text; stored once typing settles (`flush` stores it at once). */
  setText(chat: string, text: string): void;
  setReplyTo(chat: string, replyTo: Message | null): void;
  /** Stores the texts still waiting: on leaving a chat, before reading a draft back, on unload. */
  flush(): void;
}

/**
 * The unsent drafts of every chat, for the message box (restored when the chat opens again) and
 * the chat list ("Draft: …" instead of the last message), kept in localStorage so a reload loses
 * nothing typed. Text is stored when typing settles, when the chat is left and when the page is
 * hidden or unloaded (`pagehide` also fires on reload and on closing the window); a cleared box
 * and a reply are stored at once.
 */
export const useDrafts = create<DraftsState>((set, get) => {
  const waiting = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  /** Stores `changes` by chat in one update (one render of whatever shows drafts). */
  const put = (changes: Map<string, Partial<Draft>>) => {
    if (changes.size === 0) return;
    const drafts = { ...get().drafts };
    for (const [chat, change] of changes) {
      const next: Draft = { ...(drafts[chat] ?? { text: '', replyTo: null }), ...change };
      draftStorage.write(chat, next);
      if (isEmptyDraft(next)) delete drafts[chat];
      else drafts[chat] = next;
    }
    set({ drafts });
  };

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const changes = new Map<string, Partial<Draft>>();
    for (const [chat, text] of waiting) changes.set(chat, { text });
    waiting.clear();
    put(changes);
  };

  return {
    drafts: draftStorage.all(),
    setText: (chat, text) => {
      waiting.set(chat, text);
      // Sent or cleared: the list's "Draft: …" goes at once.
      if (text.trim() === '') return flush();
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, DRAFT_SETTLE_MS);
    },
    setReplyTo: (chat, replyTo) => {
      // The text typed with it is stored first, so the two are kept together.
      flush();
      put(new Map([[chat, { replyTo }]]));
    },
    flush,
  };
});

/** Stores waiting drafts when the page goes away or out of sight (a reload, a closed window). */
export function flushDraftsOnLeave(target: Pick<Window, 'addEventListener'> & { document?: Document }) {
  const flush = () => useDrafts.getState().flush();
  target.addEventListener('pagehide', flush);
  target.addEventListener('beforeunload', flush);
  target.document?.addEventListener('visibilitychange', () => {
    if (target.document?.visibilityState === 'hidden') flush();
  });
}

if (typeof window !== 'undefined') flushDraftsOnLeave(window);
