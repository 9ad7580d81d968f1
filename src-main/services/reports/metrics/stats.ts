/**
 * Median and percentiles by nearest rank (the value of a real conversation, never an average of
 * two). Each rank is selected, not sorted for (Wirth's selection on a float64 copy: linear on
 * average): a year's ~100,000 durations took ~15 ms to sort at rest and 60–130 ms at load, several
 * times a report (the whole, each number, person, team and tag; docs/PERFORMANCE.md "session 13").
 * The value at a rank is the same as the sorted array's there. The values are durations: never
 * NaN (an unanswered conversation has none).
 */
export function percentiles(values: ArrayLike<number>, ps: readonly number[]): (number | null)[] {
  const n = values.length;
  if (n === 0) return ps.map(() => null);
  const a = Float64Array.from(values);
  const rank = (p: number) => Math.max(1, Math.ceil((p / 100) * n)) - 1;
  // Lowest rank first: after selecting rank k, everything from k on is ≥ it, so the next
  // (higher) rank is selected within [k, n).
  const order = ps.map((p, i) => [rank(p), i] as const).sort((x, y) => x[0] - y[0]);
  const out: (number | null)[] = ps.map(() => null);
  let lo = 0;
  for (const [k, i] of order) {
    out[i] = select(a, lo, n - 1, k);
    lo = k;
  }
  return out;
}

/**
 * The k-th smallest of a[lo..hi] (inclusive), partially ordering them so that a[lo..k) ≤ a[k] ≤
 * a(k..hi] (N. Wirth, "Algorithms + Data Structures = Programs"; a median-of-three pivot, so
 * sorted input and runs of equal values, common in business hours' zeros, stay linear).
 */
function select(a: Float64Array, lo: number, hi: number, k: number): number {
  while (lo < hi) {
    const [x0, x1, x2] = [a[lo]!, a[k]!, a[hi]!];
    const x = x0 < x1 ? (x1 < x2 ? x1 : x0 < x2 ? x2 : x0) : x0 < x2 ? x0 : x1 < x2 ? x2 : x1;
    let i = lo;
    let j = hi;
    do {
      while (a[i]! < x) i++;
      while (x < a[j]!) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) lo = i;
    if (k < i) hi = j;
  }
  return a[k]!;
}

export const percentile = (values: ArrayLike<number>, p: number) => percentiles(values, [p])[0] ?? null;

export const median = (values: ArrayLike<number>) => percentile(values, 50);
