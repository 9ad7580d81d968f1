/**
 * A text bubble's height as inbox.css lays it out, from its text and the list's width: the
 * history's virtualiser places rows it has not measured yet by this estimate. When a row measures
 * as estimated, nothing follows its first layout; when not, the virtualiser renders again and
 * moves the scroll by the difference (rows above the window), one more render and layout in the
 * frame of each wheel step (issue #23 target 7, session 20). A flat 76 px was right for one
 * bubble in four at 1366×768 (57, 78, 100 and 122 px are the one- to four-line bubbles there).
 */

/** base.css: 15 px text, 1.45 line height, on the root (so 1rem = 15 px). */
const FONT_PX = 15;
const LINE_PX = FONT_PX * 1.45;
/** `.message-row`'s block padding (2 px each side). */
const ROW_PADDING_PX = 4;
/** `.msg-bubble`: 6 px block padding each side, 9 px inline, 4 px between its parts. */
const BUBBLE_PADDING_PX = 12;
const BUBBLE_INLINE_PADDING_PX = 18;
const GAP_PX = 4;
/** `.msg-bubble__meta` (time, ticks, "edited"): 0.78rem text, pulled up 2 px. */
const META_PX = 0.78 * FONT_PX * 1.45 - 2;
/** `.msg-bubble__sender` (a group's first bubble of a run): 0.84rem text. */
const SENDER_PX = 0.84 * FONT_PX * 1.45;

/**
 * The separators' rows (`.message-row--day`): a day's label and the unread divider, one line of
 * 0.8rem text in a padded pill, as Chromium lays them out with inbox.css and unread.css (41.4 and
 * 59.4 px, rounded as the virtualiser rounds what it measures).
 */
export const DAY_SEPARATOR_PX = 41;
export const UNREAD_DIVIDER_PX = 59;

/** The widest line of a bubble's text in a list `listWidth` wide (inbox.css `.message-row`, `.msg-bubble`). */
export function bubbleTextWidth(listWidth: number): number {
  // The row's inline padding is 6% of the list's width each side; a bubble takes at most 78% of the
  // rest, and 560 px.
  const row = listWidth * 0.88;
  return Math.min(560, row * 0.78) - BUBBLE_INLINE_PADDING_PX;
}

/**
 * How many lines `text` takes in a box `maxWidth` wide, wrapped as `white-space: pre-wrap` with
 * `overflow-wrap: anywhere` does: at spaces, each new line of the text on a line of its own, and a
 * word wider than the box broken where it reaches the edge. `widthOf` measures a piece of text in
 * the bubble's font.
 */
export function textLines(text: string, maxWidth: number, widthOf: (piece: string) => number): number {
  const space = widthOf(' ');
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines += 1;
    let line = -space;
    for (const word of paragraph.split(' ')) {
      const width = widthOf(word);
      if (line + space + width <= maxWidth || line < 0) {
        line += space + width;
      } else {
        lines += 1;
        line = width;
      }
      while (line > maxWidth) {
        lines += 1;
        line -= maxWidth;
      }
    }
  }
  return lines;
}

/**
 * The height of a message row whose bubble holds only text (no media, quote, forwarded mark or
 * reactions) in a list `listWidth` wide, rounded as the virtualiser rounds what it measures.
 */
export function textBubbleSize(
  text: string,
  { listWidth, showSender }: { listWidth: number; showSender: boolean },
  widthOf: (piece: string) => number,
): number {
  const lines = textLines(text, bubbleTextWidth(listWidth), widthOf);
  const sender = showSender ? SENDER_PX + GAP_PX : 0;
  return Math.round(ROW_PADDING_PX + BUBBLE_PADDING_PX + sender + lines * LINE_PX + GAP_PX + META_PX);
}
