import { afterEach, describe, expect, it, vi } from 'vitest';
import { sortableId, sortableIdFloor, sortAfter } from './ids.js';

afterEach(() => vi.restoreAllMocks());

describe('sortableId', () => {
  it('keeps sorting upwards when the clock is set back', () => {
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2030, 0, 1));
    const before = sortableId('evt');
    clock.mockReturnValue(Date.UTC(2026, 10, 21)); // the clock was wrong, and is corrected
    const after = [sortableId('evt'), sortableId('evt')];
    expect(after[0]! > before).toBe(true);
    expect(after[1]! > after[0]!).toBe(true);
  });

  it('sorts after an id stored earlier with the clock ahead, once told about it', () => {
    vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 10, 21));
    const stored = `${sortableIdFloor('evt', Date.UTC(2031, 0, 1))}0007abcdef01`;
    sortAfter(stored);
    expect(sortableId('evt') > stored).toBe(true);
  });

  it('stays in order past 65,536 ids in one millisecond', () => {
    vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2032, 0, 1));
    let previous = sortableId('evt');
    for (let i = 0; i < 70_000; i += 1) {
      const next = sortableId('evt');
      if (next <= previous) throw new Error(`${next} after ${previous}`);
      previous = next;
    }
  });
});
