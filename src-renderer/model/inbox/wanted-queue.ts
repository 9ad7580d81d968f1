/**
 * Loads things for the rows on screen (profile picture links): at most `limit` loads at a time,
 * in the order asked; a key asked for again while queued or loading is not loaded twice; a
 * queued key nobody wants any more (its row scrolled away) is dropped without loading.
 */
export class WantedQueue {
  private readonly wanted = new Map<string, number>();
  /** Insertion-ordered: the first entry is the oldest request. */
  private readonly queued = new Map<string, () => Promise<void>>();
  private readonly loading = new Set<string>();

  constructor(private readonly limit: number) {}

  /** Someone wants `key` loaded; call the returned function once they no longer do. */
  want(key: string, load: () => Promise<void>): () => void {
    this.wanted.set(key, (this.wanted.get(key) ?? 0) + 1);
    if (!this.loading.has(key) && !this.queued.has(key)) this.queued.set(key, load);
    this.pump();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.wanted.get(key) ?? 1) - 1;
      if (left > 0) this.wanted.set(key, left);
      else this.wanted.delete(key);
    };
  }

  private pump(): void {
    for (const [key, load] of this.queued) {
      if (this.loading.size >= this.limit) return;
      this.queued.delete(key);
      if (!this.wanted.has(key)) continue;
      this.loading.add(key);
      void load()
        .catch(() => undefined)
        .finally(() => {
          this.loading.delete(key);
          this.pump();
        });
    }
  }
}
