import { create } from 'zustand';

/** Chats ticked in the chat list's select mode (`session|jid` keys), for bulk actions. */
interface ChatSelectionState {
  selecting: boolean;
  selected: string[];
  /** Where the last plain click was: Shift-click selects from there. */
  anchor: string | null;
  setSelecting(on: boolean): void;
  toggle(key: string): void;
  /** Shift-click: ticks every chat between the anchor and `key` in the list's order. */
  selectRange(order: readonly string[], key: string): void;
  clear(): void;
}

export const useChatSelection = create<ChatSelectionState>((set, get) => ({
  selecting: false,
  selected: [],
  anchor: null,
  setSelecting: (on) => set({ selecting: on, selected: [], anchor: null }),
  toggle: (key) =>
    set((state) => ({
      anchor: key,
      selected: state.selected.includes(key)
        ? state.selected.filter((item) => item !== key)
        : [...state.selected, key],
    })),
  selectRange(order, key) {
    const { anchor, selected } = get();
    const from = anchor ? order.indexOf(anchor) : -1;
    const to = order.indexOf(key);
    if (from === -1 || to === -1) {
      get().toggle(key);
      return;
    }
    const range = order.slice(Math.min(from, to), Math.max(from, to) + 1);
    set({ selected: [...new Set([...selected, ...range])], anchor: key });
  },
  clear: () => set({ selected: [], anchor: null }),
}));
