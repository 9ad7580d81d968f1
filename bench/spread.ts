/**
 * How far a figure could move if the run were repeated: a percentile bootstrap of the ratio of
 * two p95s (or p99s). Each resample draws the app's and the raw side's samples again with
 * replacement, takes the quantile of each and divides; the 2.5th and 97.5th of those ratios are
 * the 95 % interval printed beside the ratio. A wide interval says the verdict rests on a few
 * slow samples (a busy machine), a narrow one that another run would say the same.
 */
import { mulberry32 } from './prng.js';

/** The `q` quantile of ascending `sorted` (nearest rank, as `stats` in measure.ts). */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/**
 * The `q` quantile of one resample of ascending `sorted`, without sorting the resample: count how
 * often each rank is drawn, then walk the counts up to the quantile's rank (O(n) per resample).
 */
function resampledQuantile(sorted: Float64Array, q: number, rng: () => number, counts: Uint32Array): number {
  const n = sorted.length;
  counts.fill(0);
  for (let i = 0; i < n; i += 1) {
    const drawn = Math.floor(rng() * n);
    counts[drawn] = (counts[drawn] as number) + 1;
  }
  const rank = Math.min(n - 1, Math.floor(q * n));
  let seen = 0;
  for (let i = 0; i < n; i += 1) {
    seen += counts[i] as number;
    if (seen > rank) return sorted[i] as number;
  }
  return sorted[n - 1] as number;
}

export interface Interval {
  low: number;
  high: number;
}

/**
 * 95 % bootstrap interval of quantile(app) ÷ quantile(raw). Seeded, so the same samples always
 * give the same interval.
 */
export function ratioInterval(
  app: readonly number[],
  raw: readonly number[],
  q = 0.95,
  resamples = 400,
): Interval {
  if (app.length === 0 || raw.length === 0) return { low: NaN, high: NaN };
  const rng = mulberry32(0x5eed);
  const appSorted = Float64Array.from(app).sort();
  const rawSorted = Float64Array.from(raw).sort();
  const appCounts = new Uint32Array(app.length);
  const rawCounts = new Uint32Array(raw.length);
  const ratios = new Float64Array(resamples);
  for (let i = 0; i < resamples; i += 1) {
    ratios[i] =
      resampledQuantile(appSorted, q, rng, appCounts) / resampledQuantile(rawSorted, q, rng, rawCounts);
  }
  ratios.sort();
  return { low: quantileOfSorted(ratios, 0.025), high: quantileOfSorted(ratios, 0.975) };
}

/** Min and max of per-block ratios (throughput measured in alternating blocks). */
export function blockRange(ratios: readonly number[]): Interval {
  return { low: Math.min(...ratios), high: Math.max(...ratios) };
}

/** "0.91–1.12×", or "–" when there is nothing to show. */
export function fmtInterval(interval: Interval): string {
  if (!Number.isFinite(interval.low) || !Number.isFinite(interval.high)) return '–';
  return `${interval.low.toFixed(2)}–${interval.high.toFixed(2)}×`;
}
