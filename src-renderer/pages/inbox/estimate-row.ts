import type { Message } from '../../../src-shared/messages';
import { textBubbleSize } from '../../model/inbox/row-size';
import type { ConversationRowOf } from './use-conversation-rows';

/** What a row other than a text bubble is taken to be until it is measured. */
const OTHER_MESSAGE_PX = 76;
const SEPARATOR_PX = 44;

/** Each text bubble's estimate, once per message object and list width. */
const estimates = new WeakMap<Message, { listWidth: number; showSender: boolean; size: number }>();

/**
 * The history virtualiser's estimate of a row it has not measured: a text bubble's from its text
 * in the bubble's font (model/inbox/row-size.ts), others a flat size.
 */
export function estimateRowSize(row: ConversationRowOf | undefined, listWidth: number): number {
  if (row?.kind !== 'message') return SEPARATOR_PX;
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
