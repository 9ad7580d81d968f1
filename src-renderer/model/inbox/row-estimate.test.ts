import { describe, expect, it } from 'vitest';
import { estimateRowHeight, RICH_PX, SEPARATOR_PX } from './row-estimate';

const WIDE = 900;

describe('a row guessed before it is measured', () => {
  it('grows with the lines its text wraps to, and with a named sender', () => {
    const one = estimateRowHeight({ kind: 'message', text: 'ok' }, WIDE);
    const long = estimateRowHeight({ kind: 'message', text: 'word '.repeat(60) }, WIDE);
    const named = estimateRowHeight({ kind: 'message', text: 'ok', showSender: true }, WIDE);
    expect(one).toBeLessThan(RICH_PX);
    expect(long).toBeGreaterThan(one);
    expect(named).toBeGreaterThan(one);
  });

  it('counts each of the text’s own lines', () => {
    expect(estimateRowHeight({ kind: 'message', text: 'a\nb\nc' }, WIDE)).toBeGreaterThan(
      estimateRowHeight({ kind: 'message', text: 'a b c' }, WIDE),
    );
  });

  it('wraps sooner in a narrow list (400 px phone)', () => {
    const text = 'a sentence long enough to wrap on a phone but not on a desktop screen';
    expect(estimateRowHeight({ kind: 'message', text }, 400)).toBeGreaterThan(
      estimateRowHeight({ kind: 'message', text }, WIDE),
    );
  });

  it('keeps the flat guess for anything but plain text, or before the list has a width', () => {
    expect(estimateRowHeight({ kind: 'message', text: 'caption', rich: true }, WIDE)).toBe(RICH_PX);
    expect(estimateRowHeight({ kind: 'message', text: null }, WIDE)).toBe(RICH_PX);
    expect(estimateRowHeight({ kind: 'message', text: 'ok' }, 0)).toBe(RICH_PX);
    expect(estimateRowHeight({ kind: 'day' }, WIDE)).toBe(SEPARATOR_PX);
    expect(estimateRowHeight({ kind: 'unread' }, WIDE)).toBe(SEPARATOR_PX);
  });
});
