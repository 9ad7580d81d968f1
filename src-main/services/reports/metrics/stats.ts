/** Median and percentiles by nearest rank (the value of a real conversation, never an average of two). */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

export const median = (values: readonly number[]) => percentile(values, 50);
