/**
 * What was typed in each chat's message box and not sent, with the message it replies to, kept
 * in this browser's localStorage so it survives switching chats and reloading (like WhatsApp's
 * drafts). Keyed by `session|jid`. Drafts written before the reply was kept are plain text; they
 * are still read.
 */
import type { Message } from '../../src-shared/messages';

export interface Draft {
  text: string;
  /** The message the draft answers (its quote shows above the box again). */
  replyTo: Message | null;
}

const PREFIX = 'chatdock.draft.';
const VERSION = 2;

/** True when there is nothing to keep: the draft is removed rather than stored. */
export function isEmptyDraft(draft: Draft): boolean {
  return draft.text.trim() === '' && draft.replyTo === null;
}

export function encodeDraft(draft: Draft): string {
  return JSON.stringify({ v: VERSION, text: draft.text, replyTo: draft.replyTo });
}

/** A stored draft; text stored by older versions is taken as the text, with no reply. */
export function decodeDraft(raw: string): Draft {
  if (raw.startsWith('{')) {
    try {
      const parsed = JSON.parse(raw) as { v?: unknown; text?: unknown; replyTo?: unknown };
      if (parsed.v === VERSION && typeof parsed.text === 'string') {
        const replyTo = parsed.replyTo;
        const valid =
          replyTo !== null && typeof replyTo === 'object' && typeof (replyTo as Message).id === 'string';
        return { text: parsed.text, replyTo: valid ? (replyTo as Message) : null };
      }
    } catch {
      // Not ours: it is text someone typed that starts with a brace.
    }
  }
  return { text: raw, replyTo: null };
}

/** The chats' drafts as stored, and writing them back; storage that is off or full keeps nothing. */
export const draftStorage = {
  all(given?: Storage): Record<string, Draft> {
    const found: Record<string, Draft> = {};
    try {
      // Inside the try: where there is no localStorage at all, even naming it throws.
      const storage = given ?? localStorage;
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        const raw = key?.startsWith(PREFIX) ? storage.getItem(key) : null;
        if (key && raw !== null) found[key.slice(PREFIX.length)] = decodeDraft(raw);
      }
    } catch {
      // Storage disabled: drafts last as long as the page.
    }
    return found;
  },
  write(chat: string, draft: Draft, given?: Storage): void {
    try {
      const storage = given ?? localStorage;
      if (isEmptyDraft(draft)) storage.removeItem(PREFIX + chat);
      else storage.setItem(PREFIX + chat, encodeDraft(draft));
    } catch {
      // Full or disabled storage: the draft is simply not kept.
    }
  },
};

/** The chat list's "Draft: …" line: the draft's text on one line, or null when there is none to show. */
export function draftPreview(draft: Draft | undefined): string | null {
  if (!draft || isEmptyDraft(draft)) return null;
  return draft.text.replace(/\s+/g, ' ').trim();
}
