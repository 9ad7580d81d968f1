/**
 * A conversation row's height before it is measured (issue #23 target 7, session 16). The
 * virtualiser lays an opened chat out with these guesses, picks the rows that fit the window,
 * then measures them: with one flat guess (76 px) for every bubble, a page of short bubbles
 * measured much smaller, more rows came into range, and the first page was rendered, laid out and
 * measured a second time before it was painted. A guess from the text's length and the bubble's
 * width lands near the real height for plain text; anything else keeps a flat guess (measured as
 * before). Figures are the stylesheet's (styles/inbox.css: row and bubble padding, the bubble's
 * width) at the default font; `bench/cases/ui/row-heights.ts` prints measured against guessed.
 */
export interface EstimatedRow {
  kind: 'message' | 'day' | 'unread';
  /** The bubble's text (or caption); null for a row without one. */
  text?: string | null;
  /** Anything besides text (media, a quote, a card, reactions, a poll): no guess from the text. */
  rich?: boolean;
  /** The group sender's name above the bubble. */
  showSender?: boolean;
}

/** A separator row (a day, the unread divider): one short line and its padding. */
export const SEPARATOR_PX = 44;
/** A bubble that is not plain text: media, cards, quotes… (the virtualiser's old flat guess). */
export const RICH_PX = 76;
/** One line of bubble text. */
const LINE_PX = 21;
/** Row padding (2 + 2), bubble padding (6 + 6), the gap and the time line under the text. */
const BUBBLE_CHROME_PX = 16 + 4 + 15;
const SENDER_PX = 19;
/** An average character of the UI font at the default size (Latin text). */
const CHAR_PX = 7.4;

/** The text width of a bubble in a list `listWidth` wide (row padding 6% each side, bubble ≤ min(560 px, 78%)). */
function textWidth(listWidth: number): number {
  const row = listWidth * 0.88;
  return Math.max(60, Math.min(560, row * 0.78) - 18);
}

/** How many lines `text` takes at `width` px: each of its own lines wrapped at the width. */
function lines(text: string, width: number): number {
  const perLine = Math.max(8, Math.floor(width / CHAR_PX));
  let count = 0;
  for (const part of text.split('\n')) count += Math.max(1, Math.ceil(part.length / perLine));
  return count;
}

/** The guessed height of `row` in a list `listWidth` px wide (0: not laid out yet, a flat guess). */
export function estimateRowHeight(row: EstimatedRow, listWidth: number): number {
  if (row.kind !== 'message') return SEPARATOR_PX;
  if (row.rich || !row.text || listWidth <= 0) return RICH_PX;
  return (
    BUBBLE_CHROME_PX + (row.showSender ? SENDER_PX : 0) + LINE_PX * lines(row.text, textWidth(listWidth))
  );
}
