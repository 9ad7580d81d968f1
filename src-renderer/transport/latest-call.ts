/**
 * Only the newest of overlapping reads counts. Answers can arrive out of order: a slow answer
 * for the chat shown before, an older filter, or a reload overtaken by the next one must not
 * overwrite what the newer read brings.
 */
export class LatestCall {
  private newest = 0;

  /** Runs `read`; `show` gets its answer (or `fail` its error) only if no later run began since. */
  async run<T>(
    read: () => Promise<T>,
    show: (value: T) => void,
    fail: (error: unknown) => void,
  ): Promise<void> {
    const mine = ++this.newest;
    let value: T;
    try {
      value = await read();
    } catch (error) {
      if (mine === this.newest) fail(error);
      return;
    }
    if (mine === this.newest) show(value);
  }
}
