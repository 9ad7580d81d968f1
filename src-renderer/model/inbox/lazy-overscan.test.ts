import { describe, expect, it } from 'vitest';
import { rangeId, rowsToMount } from './lazy-overscan';

const range = { startIndex: 20, endIndex: 29, count: 100 };
const nothingMounted = () => false;

describe('rowsToMount', () => {
  it('mounts the rows in view and one each side while the frame is drawn', () => {
    expect(rowsToMount(range, 6, false, nothingMounted)).toEqual([
      19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
    ]);
  });

  it('mounts the whole overscan once widened', () => {
    const rows = rowsToMount(range, 6, true, nothingMounted);
    expect(rows[0]).toBe(14);
    expect(rows.at(-1)).toBe(35);
    expect(rows).toHaveLength(22);
  });

  it('keeps overscan rows that are already mounted, so a small step unmounts nothing', () => {
    const mounted = new Set([15, 16, 17, 18, 33, 34, 35, 36]);
    expect(rowsToMount(range, 6, false, (index) => mounted.has(index))).toEqual([
      15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 33, 34, 35,
    ]);
  });

  it('stays inside the list at both ends', () => {
    expect(rowsToMount({ startIndex: 0, endIndex: 3, count: 5 }, 6, true, nothingMounted)).toEqual([
      0, 1, 2, 3, 4,
    ]);
    expect(rowsToMount({ startIndex: 0, endIndex: 3, count: 5 }, 6, false, nothingMounted)).toEqual([
      0, 1, 2, 3, 4,
    ]);
  });
});

describe('rangeId', () => {
  it('differs when the view moves or rows are added', () => {
    expect(rangeId(range)).not.toBe(rangeId({ ...range, startIndex: 21 }));
    expect(rangeId(range)).not.toBe(rangeId({ ...range, count: 150 }));
    expect(rangeId(range)).toBe(rangeId({ ...range }));
  });
});
