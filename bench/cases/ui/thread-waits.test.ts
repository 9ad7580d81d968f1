import { describe, expect, it } from 'vitest';
import { valueAt, type Series } from './thread-waits.js';

// Samples every 2 ms: the thread waited 3 ms between 1002 and 1004, nothing else.
const series: Series = {
  at: [1000, 1002, 1004, 1006],
  runMs: [10, 12, 12, 14],
  waitMs: [5, 5, 8, 8],
};

describe("the renderer's wait counter between samples", () => {
  it('is read linearly between the samples around a time', () => {
    expect(valueAt(series, 1002)).toBe(5);
    expect(valueAt(series, 1003)).toBe(6.5);
    expect(valueAt(series, 1005)).toBe(8);
  });

  it('holds its first and last values outside the sampled stretch', () => {
    expect(valueAt(series, 900)).toBe(5);
    expect(valueAt(series, 2000)).toBe(8);
  });

  it("gives a task's wait as the difference at its ends", () => {
    // A long task from 1001 to 1005 saw the whole 3 ms wait.
    expect(valueAt(series, 1005) - valueAt(series, 1001)).toBe(3);
  });
});
