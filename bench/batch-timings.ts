/**
 * Timed ingest batches and the slice of them two sides are compared on.
 *
 * Each batch remembers where it ends in the whole history (`endIndex`, the count of messages
 * ingested up to and including it), so "the first N messages" is the batches ending at or
 * before N. A figure for the app and one for raw SQLite are only comparable over the same rows.
 */
export interface TimedBatch {
  ms: number;
  count: number;
  /** Messages ingested up to and including this batch. */
  endIndex: number;
}

export class BatchTimings {
  readonly batches: TimedBatch[] = [];
  private ingested = 0;

  record(ms: number, count: number): TimedBatch {
    this.ingested += count;
    const batch = { ms, count, endIndex: this.ingested };
    this.batches.push(batch);
    return batch;
  }

  /** Messages recorded so far. */
  get count(): number {
    return this.ingested;
  }
}

/** The batches covering the first `messages` messages (whole batches only). */
export function firstMessages<T extends TimedBatch>(batches: readonly T[], messages: number): T[] {
  return batches.filter((batch) => batch.endIndex <= messages);
}

/** Messages per second over `batches` (their counts over their summed time). */
export function ratePerSecond(batches: readonly { ms: number; count: number }[]): number {
  const count = batches.reduce((sum, batch) => sum + batch.count, 0);
  const ms = batches.reduce((sum, batch) => sum + batch.ms, 0);
  return (count / ms) * 1000;
}
