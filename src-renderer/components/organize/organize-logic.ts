/**
 * Pure helpers behind the organize components (tags, saved replies, notes): no React, no
 * transport, so they are unit-tested on their own.
 */
import type { SavedReply, TagUsage } from '../../../src-shared/contract/organize';

/** Colours offered for new tags; any `#rrggbb` can be picked. */
export const TAG_PALETTE = [
  '#1a7f5a',
  '#2563eb',
  '#7c3aed',
  '#db2777',
  '#dc2626',
  '#ea580c',
  '#ca8a04',
  '#475569',
] as const;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "2 chats and 1 message", or "not used". */
export function usageText(usage: TagUsage): string {
  if (usage.chats + usage.messages === 0) return 'not used';
  if (usage.messages === 0) return plural(usage.chats, 'chat');
  if (usage.chats === 0) return plural(usage.messages, 'message');
  return `${plural(usage.chats, 'chat')} and ${plural(usage.messages, 'message')}`;
}

/** Black or white, whichever reads better on a tag colour (WCAG relative luminance). */
export function textColorOn(hex: string): '#000000' | '#ffffff' {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return '#ffffff';
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = parseInt(part, 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.179 ? '#000000' : '#ffffff';
}

export interface SlashToken {
  /** Index of the `/`. */
  start: number;
  /** Index just after the typed shortcut (the caret). */
  end: number;
  /** What was typed after the `/`, lowercased. */
  query: string;
}

/**
 * The `/shortcut` being typed at the caret, if any: a `/` at the start of the text or after
 * white space, followed only by shortcut characters up to the caret. "a/b" and URLs don't count.
 */
export function slashTokenAt(text: string, caret: number): SlashToken | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([A-Za-z0-9_-]{0,32})$/.exec(before);
  if (!match) return null;
  const typed = match[2] ?? '';
  return { start: caret - typed.length - 1, end: caret, query: typed.toLowerCase() };
}

/**
 * Saved replies matching what was typed after `/`: shortcuts starting with it first, then
 * shortcuts and titles containing it, then texts containing it; each group by shortcut.
 */
export function matchReplies(replies: readonly SavedReply[], query: string): SavedReply[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...replies].sort((a, b) => a.shortcut.localeCompare(b.shortcut));
  const rank = (reply: SavedReply): number => {
    const shortcut = reply.shortcut.toLowerCase();
    if (shortcut.startsWith(q)) return 0;
    if (shortcut.includes(q) || reply.title.toLowerCase().includes(q)) return 1;
    if (reply.text.toLowerCase().includes(q)) return 2;
    return -1;
  };
  return replies
    .map((reply) => ({ reply, rank: rank(reply) }))
    .filter((item) => item.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.reply.shortcut.localeCompare(b.reply.shortcut))
    .map((item) => item.reply);
}

/** Replaces `text[start, end)` with `insert`; returns the new text and the caret after the insert. */
export function replaceRange(
  text: string,
  start: number,
  end: number,
  insert: string,
): { text: string; caret: number } {
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length };
}

/** The index after moving `delta` in a list of `length`, wrapping around. */
export function moveActive(active: number, delta: number, length: number): number {
  if (length === 0) return 0;
  return (((active + delta) % length) + length) % length;
}

/**
 * A base64 `data:` URL as a File (a saved reply's media for the composer). Decoded by hand: the
 * UI's content security policy does not let it fetch `data:` URLs.
 */
export function fileFromDataUrl(dataUrl: string, name: string, type: string): File {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return new File([bytes], name, { type });
}
