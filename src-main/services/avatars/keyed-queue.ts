/**
 * Runs async jobs at most `concurrency` at a time, in the order asked. A job asked for again
 * under the same key while it waits or runs is not repeated: every caller gets the one result.
 */
export class KeyedQueue<T> {
  private readonly pending = new Map<string, Promise<T>>();
  private readonly waiting: (() => void)[] = [];
  private active = 0;

  constructor(private readonly concurrency: number) {}

  run(key: string, job: () => Promise<T>): Promise<T> {
    const existing = this.pending.get(key);
    if (existing) return existing;
    const result = this.slot()
      .then(job)
      .finally(() => {
        this.pending.delete(key);
        this.release();
      });
    this.pending.set(key, result);
    return result;
  }

  /** Jobs waiting for a slot (not counting those running). */
  get queued(): number {
    return this.waiting.length;
  }

  private slot(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next job, so `active` stays the same.
    if (next) next();
    else this.active -= 1;
  }
}
