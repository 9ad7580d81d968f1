import { describe, expect, it } from 'vitest';
import { bubbleTextWidth, textBubbleSize, textLines } from './row-size';

/** A font whose every character is 8 px wide. */
const eightPx = (piece: string) => piece.length * 8;

describe('row-size', () => {
  it('wraps at spaces, starts a line at each line break and breaks a word wider than the box', () => {
    expect(textLines('order parcel', 100, eightPx)).toBe(1); // 96 px
    expect(textLines('order parcels', 100, eightPx)).toBe(2); // 104 px: "parcels" on line two
    expect(textLines('one\ntwo\n\nthree', 100, eightPx)).toBe(4);
    expect(textLines('x'.repeat(30), 100, eightPx)).toBe(3); // 240 px broken anywhere
    expect(textLines('', 100, eightPx)).toBe(1);
  });

  it("takes a bubble's text width from the list's (6% row padding, 78% of the row, at most 560 px)", () => {
    // The conversation's list at 1366×768 is 786 px wide; a bubble's text there is 521.5 px.
    expect(bubbleTextWidth(786)).toBeCloseTo(521.5, 1);
    expect(bubbleTextWidth(2000)).toBe(542);
  });

  it('sizes a text bubble as the browser laid them out at 1366×768 (57, 78, 100, 122 px for one to four lines)', () => {
    const words = (count: number) => Array.from({ length: count }, () => 'abcdefg').join(' ');
    // 521.5 px hold 8 words of 7 letters and their spaces (8 × 56 + 7 × 8 = 504 px).
    const sizes = [8, 16, 24, 32].map((count) =>
      textBubbleSize(words(count), { listWidth: 786, showSender: false }, eightPx),
    );
    expect(sizes).toEqual([57, 78, 100, 122]);
    // A group's first bubble of a run also names its sender.
    expect(textBubbleSize(words(8), { listWidth: 786, showSender: true }, eightPx)).toBe(79);
  });
});
