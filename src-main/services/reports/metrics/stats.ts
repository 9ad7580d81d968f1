/**
 * Median and percentiles by nearest rank (the value of a real conversation, never an average of
 * two). Sorted as float64s (a typed array sorts numerically in native code): a year's ~100,000
 * durations sort in milliseconds, where `Array.prototype.sort` with a comparator took tens.
 */
export function percentiles(values: ArrayLike<number>, ps: readonly number[]): (number | null)[] {
  if (values.length === 0) return ps.map(() => null);
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? null);
}

export const percentile = (values: ArrayLike<number>, p: number) => percentiles(values, [p])[0] ?? null;

export const median = (values: ArrayLike<number>) => percentile(values, 50);
