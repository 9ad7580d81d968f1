import { describe, expect, it } from 'vitest';
import { colorOfIndex, indexOfColor, LABEL_PALETTE } from './label-colors.js';

describe('label colours', () => {
  it('every WhatsApp colour index round-trips through its tag colour', () => {
    expect(LABEL_PALETTE).toHaveLength(20);
    for (let index = 0; index < 20; index += 1) expect(indexOfColor(colorOfIndex(index))).toBe(index);
  });

  it('a tag colour goes to the nearest label colour; an unknown index wraps', () => {
    expect(indexOfColor('#f74949')).toBe(13);
    expect(indexOfColor('#00a1f0')).toBe(14);
    expect(colorOfIndex(21)).toBe(LABEL_PALETTE[1]);
    expect(colorOfIndex(-1)).toBe(LABEL_PALETTE[19]);
  });
});
