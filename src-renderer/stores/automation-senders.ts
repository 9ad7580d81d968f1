import { create } from 'zustand';
import type { Transport } from '../transport/types';

/**
 * Which sent messages automation wrote, by `session|chat` then message id → rule, so the
 * conversation can say "Automation: <rule>" under them. Loaded when a chat opens, kept up to date
 * by `automation.replied`.
 */
interface AutomationSendersState {
  byChat: Record<string, Record<string, string>>;
  load(transport: Transport, session: string, chat: string): Promise<void>;
  add(session: string, chat: string, messageId: string, rule: string): void;
}

const key = (session: string, chat: string) => `${session}|${chat}`;

export const useAutomationSenders = create<AutomationSendersState>((set) => ({
  byChat: {},
  async load(transport, session, chat) {
    try {
      const senders = await transport.call('automation.senders', { session, chat });
      // None (most chats): the state stays as it is, or the conversation's list, which reads its
      // chat's rules, would render again for an empty object.
      if (senders.length === 0) return;
      const rules = Object.fromEntries(senders.map((s) => [s.messageId, s.rule]));
      set((state) => ({
        byChat: { ...state.byChat, [key(session, chat)]: { ...state.byChat[key(session, chat)], ...rules } },
      }));
    } catch {
      // The label is a nicety: without it the message still shows as sent by us.
    }
  },
  add(session, chat, messageId, rule) {
    set((state) => ({
      byChat: {
        ...state.byChat,
        [key(session, chat)]: { ...state.byChat[key(session, chat)], [messageId]: rule },
      },
    }));
  },
}));

/** One chat's rules by message id, read once by the conversation's list for all its bubbles. */
export function useChatAutomationRules(
  session: string | null,
  chat: string | null,
): Record<string, string> | undefined {
  return useAutomationSenders((state) => (session && chat ? state.byChat[key(session, chat)] : undefined));
}
