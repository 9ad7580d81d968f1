import type { Message } from '../../../src-shared/messages';
import { DAY_SEPARATOR_PX, textBubbleSize, UNREAD_DIVIDER_PX } from '../../model/inbox/row-size';
import type { ConversationRowOf } from './use-conversation-rows';

/** What a bubble other than a text one is taken to be until it is measured. */
const OTHER_MESSAGE_PX = 76;

/** Each text bubble's estimate, once per message object and list width. */
const estimates = new WeakMap<Message, { listWidth: number; showSender: boolean; size: number }>();

/**
 * The history virtualiser's estimate of a row it has not measured: a text bubble's from its text
 * in the bubble's font, the separators' as laid out (model/inbox/row-size.ts), other bubbles
 * (media, quotes, assignment lines) a flat size.
 */
export function estimateRowSize(row: ConversationRowOf | undefined, listWidth: number): number {
  if (row?.kind === 'unread') return UNREAD_DIVIDER_PX;
  if (row?.kind !== 'message') return DAY_SEPARATOR_PX;
  const message = row.item.message;
  if (!message || !textOnly(message)) return OTHER_MESSAGE_PX;
  const known = estimates.get(message);
  if (known?.listWidth === listWidth && known.showSender === row.showSender) return known.size;
  const size = textBubbleSize(message.text ?? '', { listWidth, showSender: row.showSender }, textWidth);
  estimates.set(message, { listWidth, showSender: row.showSender, size });
  return size;
}

/** A bubble with its text and time only (MessageBubble, MessageContent). */
function textOnly(message: Message): boolean {
  return (
    message.type === 'text' &&
    !message.revoked &&
    !message.forwarded &&
    !message.quotedId &&
    message.reactions.length === 0 &&
    Boolean(message.text)
  );
}

let context: CanvasRenderingContext2D | null | undefined;
/** Widths of the words measured, in the bubbles' font; a chat's words repeat. */
const widths = new Map<string, number>();
const MAX_WIDTHS = 20_000;

/** The width of `piece` in the bubbles' font (the root's, base.css), measured on a canvas. */
function textWidth(piece: string): number {
  let width = widths.get(piece);
  if (width === undefined) {
    if (context === undefined) {
      context = document.createElement('canvas').getContext('2d');
      const root = getComputedStyle(document.documentElement);
      if (context) context.font = `${root.fontSize} ${root.fontFamily}`;
    }
    // Without a canvas: an average letter's width.
    width = context ? context.measureText(piece).width : piece.length * 7.5;
    if (widths.size >= MAX_WIDTHS) widths.clear();
    widths.set(piece, width);
  }
  return width;
}
