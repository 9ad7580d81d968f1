/**
 * A background job that wakes after a delay, waits for its background turn
 * (core/background-turns.ts: not the timer's own turn, where a history chunk or another job's
 * piece may run), runs one bounded piece there, and wakes again after the delay the piece asks
 * for. The report fold and the search indexes' merging run this way.
 */
import { backgroundTurn } from './background-turns.js';

/** One piece of the job: the delay before the next one (ms), or null to stop. */
export type Piece = () => number | null;

export class BackgroundLoop {
  private timer: NodeJS.Timeout | null = null;
  private active = false;
  /** Which start() a wake-up belongs to: one waiting for its turn across a stop and a start is dropped. */
  private generation = 0;

  constructor(private readonly piece: Piece) {}

  get running(): boolean {
    return this.active;
  }

  /** The first piece after `delayMs`; false when already running. */
  start(delayMs: number): boolean {
    if (this.active) return false;
    this.active = true;
    this.generation += 1;
    this.schedule(delayMs);
    return true;
  }

  /** No piece after this one; false when it was not running. */
  stop(): boolean {
    if (!this.active) return false;
    this.active = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return true;
  }

  private schedule(delayMs: number): void {
    const generation = this.generation;
    this.timer = setTimeout(() => {
      this.timer = null;
      void backgroundTurn().then(() => {
        if (!this.active || generation !== this.generation) return;
        const next = this.piece();
        if (next !== null && this.active && generation === this.generation) this.schedule(next);
      });
    }, delayMs);
    // A waiting wake-up never keeps the process alive.
    this.timer.unref();
  }
}
