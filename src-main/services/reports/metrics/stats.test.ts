import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../testkit/support/random.js';
import { median, percentiles } from './stats.js';

/** The definition: nearest rank in the numerically sorted values. */
function bySorting(values: readonly number[], ps: readonly number[]): (number | null)[] {
  if (values.length === 0) return ps.map(() => null);
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? null);
}

describe('percentiles by selection', () => {
  it('equal the sorted values at every rank: random, sorted, reversed and mostly equal values', () => {
    const random = createRandom(13);
    const ps = [50, 90, 10, 99, 100, 1, 0];
    for (let round = 0; round < 4_000; round++) {
      const n = 1 + random.int(round % 100 === 0 ? 5_000 : 60);
      const shape = round % 5;
      const values = Array.from({ length: n }, (_, i) =>
        shape === 0
          ? random.int(4) // business hours: many zeros and repeats
          : shape === 1
            ? i
            : shape === 2
              ? n - i
              : shape === 3
                ? random.int(2_000_000_000) * 3
                : random.int(1_000) / 7,
      );
      const copy = [...values];
      expect(percentiles(values, ps), `round ${round}`).toEqual(bySorting(values, ps));
      // The caller's values are left as they were (selection works on a copy).
      expect(values).toEqual(copy);
    }
  });

  it('answers null for no values and reads typed arrays', () => {
    expect(percentiles([], [50, 90])).toEqual([null, null]);
    expect(median(new Float64Array([5, 1, 3]))).toBe(3);
    expect(median([7])).toBe(7);
  });
});
