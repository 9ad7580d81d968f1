import type { Clock } from './clock.js';
import type { OfflineSessions } from './offline-sessions.js';

/**
 * The start / stop / re-arm loop the scheduler and the campaign runner share: `wake` runs at start,
 * when a held session comes back online, and at the one alarm armed for the next due item.
 */
export class WakeLoop {
  private cancelTimer: (() => void) | null = null;
  private stopped = true;

  constructor(
    private readonly clock: () => Clock,
    private readonly offline: OfflineSessions,
    private readonly wake: () => void,
  ) {}

  get running(): boolean {
    return !this.stopped;
  }

  start(): void {
    this.offline.watch(() => this.wake());
    this.stopped = false;
    this.wake();
  }

  stop(): void {
    this.stopped = true;
    this.offline.unwatch();
    this.disarm();
  }

  disarm(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  /** Wakes at `at` (at once when it is past), replacing any earlier alarm; Infinity only disarms. */
  armAt(at: number, now: number): void {
    this.disarm();
    if (this.stopped || at === Infinity) return;
    this.cancelTimer = this.clock().setTimer(() => this.wake(), Math.max(0, at - now));
  }
}
