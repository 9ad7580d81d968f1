/**
 * What was typed in each chat's message box and not sent, kept in this browser's localStorage so
 * it survives switching chats and reloading (like WhatsApp's drafts). Keyed by `session|jid`.
 */
const PREFIX = 'chatdock.draft.';

export const drafts = {
  get(chat: string): string | undefined {
    try {
      return localStorage.getItem(PREFIX + chat) ?? undefined;
    } catch {
      return undefined; // storage disabled: drafts last as long as the page
    }
  },
  set(chat: string, text: string): void {
    try {
      localStorage.setItem(PREFIX + chat, text);
    } catch {
      // Full or disabled storage: the draft is simply not kept.
    }
  },
  delete(chat: string): void {
    try {
      localStorage.removeItem(PREFIX + chat);
    } catch {
      // Nothing kept to remove.
    }
  },
};
