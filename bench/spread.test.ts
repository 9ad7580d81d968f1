import { describe, expect, it } from 'vitest';
import { blockRange, fmtInterval, ratioInterval } from './spread.js';
import { timeVerdict } from './verdict.js';

const series = (n: number, at: (i: number) => number) => Array.from({ length: n }, (_, i) => at(i));

describe('the spread printed beside a ratio', () => {
  it('holds the ratio of the p95s, and is narrow when both sides are steady', () => {
    const raw = series(2000, (i) => 1 + (i % 100) / 1000);
    const app = raw.map((value) => value * 1.5);
    const interval = ratioInterval(app, raw);
    expect(interval.low).toBeLessThanOrEqual(1.5);
    expect(interval.high).toBeGreaterThanOrEqual(1.5);
    expect(interval.high - interval.low).toBeLessThan(0.05);
  });

  it('is wide when the p95 rests on a few slow samples, and the same for the same samples', () => {
    const raw = series(200, () => 1);
    // 6 % of the app's samples are pauses: whether the p95 lands on one depends on the draw.
    const app = series(200, (i) => (i % 17 === 0 ? 20 : 1));
    const interval = ratioInterval(app, raw);
    expect(interval.low).toBeLessThanOrEqual(1);
    expect(interval.high).toBe(20);
    expect(ratioInterval(app, raw)).toEqual(interval);
    expect(fmtInterval(interval)).toBe('1.00–20.00×');
  });

  it('of throughput blocks is their min and max', () => {
    expect(blockRange([0.41, 0.38, 0.45])).toEqual({ low: 0.38, high: 0.45 });
    expect(fmtInterval(ratioInterval([], [1]))).toBe('–');
  });
});

describe('verdicts decided on ratios', () => {
  const budget = { budgetMs: 5, maxRatio: 2 };
  it('a quiet machine: the budget and the ratio both count', () => {
    expect(timeVerdict(0.6, 0.5, budget)).toEqual({ met: true, machineBound: false });
    expect(timeVerdict(1.2, 0.5, budget).met).toBe(false);
  });
  it('a busy machine slowing both sides alike keeps the verdict; the app alone slower does not', () => {
    expect(timeVerdict(6, 5, budget)).toEqual({ met: true, machineBound: true });
    expect(timeVerdict(12, 5, budget)).toEqual({ met: false, machineBound: true });
    // Raw fast enough for the budget to mean something: the app over it is not met.
    expect(timeVerdict(5.5, 2.4, budget)).toEqual({ met: false, machineBound: false });
  });
});
