import { describe, expect, it } from 'vitest';
import { Stretches, type YieldOptions } from './yielding.js';

const mapYielding = <T, R>(items: readonly T[], map: (item: T, index: number) => R, options?: YieldOptions) =>
  new Stretches(options).map(items, map);
const chunksYielding = <T>(
  items: readonly T[],
  size: number,
  run: (chunk: readonly T[], offset: number) => void,
  options?: YieldOptions,
) => new Stretches(options).chunks(items, size, run);

describe('Stretches.map', () => {
  it('maps every item in order and yields between stretches that used up the budget', async () => {
    let clock = 0;
    let pauses = 0;
    const items = [...Array(100).keys()];
    // Each item "takes" 1 ms: with a 10 ms budget checked every 16 items, a pause every 16.
    const out = await mapYielding(
      items,
      (item, index) => {
        clock += 1;
        return item * 2 + index;
      },
      { budgetMs: 10, now: () => clock, pause: async () => (pauses += 1) },
    );
    expect(out).toEqual(items.map((item) => item * 3));
    expect(pauses).toBe(6);
  });

  it('does not yield when the work fits in the budget', async () => {
    let pauses = 0;
    const out = await mapYielding([...Array(32).keys()], (item) => item, {
      budgetMs: 10,
      now: () => 0,
      pause: async () => (pauses += 1),
    });
    expect(out).toHaveLength(32);
    expect(pauses).toBe(0);
    const none = await mapYielding([] as number[], (item) => item);
    expect(none).toEqual([]);
  });

  it('lets other work run while it maps (the loop is really yielded)', async () => {
    let clock = 0;
    const seen: number[] = [];
    let mapped = 0;
    const timer = new Promise<void>((resolve) => setImmediate(() => (seen.push(mapped), resolve())));
    await mapYielding(
      [...Array(64).keys()],
      () => {
        clock += 5;
        mapped += 1;
      },
      { budgetMs: 10, now: () => clock },
    );
    await timer;
    // The setImmediate queued before the map ran at its first pause, not after the last item.
    expect(seen[0]).toBe(16);
  });
});

describe('Stretches.chunks', () => {
  it('runs every chunk in order, yielding once a stretch of chunks used up the budget', async () => {
    let clock = 0;
    const log: string[] = [];
    await chunksYielding(
      [...Array(10).keys()],
      3,
      (chunk, offset) => {
        clock += 6;
        log.push(`${offset}:${chunk.join(',')}`);
      },
      { budgetMs: 10, now: () => clock, pause: async () => log.push('pause') },
    );
    // 6 ms a chunk against a 10 ms budget: a pause after every second chunk (the last included:
    // what the job does next starts a fresh stretch).
    expect(log).toEqual(['0:0,1,2', '3:3,4,5', 'pause', '6:6,7,8', '9:9', 'pause']);
  });
});

describe('Stretches', () => {
  it('shares one budget between the phases of a job, so phases in a row never add up past it', async () => {
    let clock = 0;
    let longest = 0;
    let since = 0;
    const stretches = new Stretches({
      budgetMs: 10,
      now: () => clock,
      pause: async () => {
        longest = Math.max(longest, clock - since);
        since = clock;
      },
    });
    const tick = (ms: number) => () => {
      clock += ms;
    };
    // Three phases of 20 items at 0.5 ms: alone each is 10 ms and would end without a pause
    // before the next began (30 ms in one block before this object shared the budget).
    await stretches.map([...Array(20).keys()], tick(0.5));
    await stretches.each([...Array(20).keys()], tick(0.5));
    await stretches.checkpoint();
    await stretches.chunks([...Array(20).keys()], 4, tick(2));
    longest = Math.max(longest, clock - since);
    // A stretch ends at the first checkpoint past the budget: at most 10 ms + 16 items' worth.
    expect(longest).toBeLessThanOrEqual(10 + 16 * 0.5);
    expect(clock).toBe(30);
  });
});
