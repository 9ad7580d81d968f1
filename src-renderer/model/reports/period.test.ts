import { describe, expect, it } from 'vitest';
import { periodProblem, presetRange } from './period';

describe('report periods', () => {
  const today = new Date(2026, 2, 3); // 3 March 2026, local
  it('counts today in the last 7 and 30 days, across a month end', () => {
    expect(presetRange('today', today)).toEqual({ from: '2026-03-03', to: '2026-03-03' });
    expect(presetRange('7', today)).toEqual({ from: '2026-02-25', to: '2026-03-03' });
    expect(presetRange('30', today)).toEqual({ from: '2026-02-02', to: '2026-03-03' });
  });
  it('says why a custom period cannot be asked for', () => {
    expect(periodProblem('', '2026-03-03')).toBe('missing');
    expect(periodProblem('2026-03-04', '2026-03-03')).toBe('order');
    expect(periodProblem('2025-01-01', '2026-03-03')).toBe('length');
    expect(periodProblem('2026-03-03', '2026-03-03')).toBeNull();
  });
});
