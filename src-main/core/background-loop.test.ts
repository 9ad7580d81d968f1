import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackgroundLoop } from './background-loop.js';

const turnsPass = () => new Promise((resolve) => setImmediate(resolve));

describe('a background job woken by a timer, one piece per background turn', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('runs a piece after the delay, then after the delay each piece asks for, until one says stop', async () => {
    const delays = [50, 10, null];
    let pieces = 0;
    const loop = new BackgroundLoop(() => delays[pieces++] ?? null);
    expect(loop.start(100)).toBe(true);
    expect(loop.start(100)).toBe(false); // already running
    await vi.advanceTimersByTimeAsync(99);
    await turnsPass();
    expect(pieces).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await turnsPass();
    expect(pieces).toBe(1);
    await vi.advanceTimersByTimeAsync(50);
    await turnsPass();
    await vi.advanceTimersByTimeAsync(10);
    await turnsPass();
    expect(pieces).toBe(3);
    await vi.advanceTimersByTimeAsync(1_000);
    await turnsPass();
    expect(pieces).toBe(3);
  });

  it('drops a wake-up that waits for its turn across a stop and a start', async () => {
    let pieces = 0;
    const loop = new BackgroundLoop(() => {
      pieces += 1;
      return null;
    });
    loop.start(10);
    vi.advanceTimersByTime(10); // woken: now waiting for its background turn
    expect(loop.stop()).toBe(true);
    expect(loop.stop()).toBe(false);
    loop.start(1_000);
    await turnsPass();
    expect(pieces).toBe(0); // the old wake-up did not run
    await vi.advanceTimersByTimeAsync(1_000);
    await turnsPass();
    expect(pieces).toBe(1);
  });
});
