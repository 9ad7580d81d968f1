import { describe, expect, it } from 'vitest';
import { BatchTimings, firstMessages, ratePerSecond } from './batch-timings.js';
import { History, historySpec } from './generate.js';

describe('the bench compares app and raw on the same slice of the history', () => {
  it('each batch ends where the messages ingested so far end, across generation chunks', () => {
    const timings = new BatchTimings();
    // The ingest case generates in chunks of 20,000; a batch's end must not restart per chunk.
    for (const chunk of [0, 1, 2]) {
      for (let i = 0; i < 40; i += 1) timings.record(1, 500);
      expect(timings.count).toBe((chunk + 1) * 20_000);
    }
    expect(timings.batches.map((b) => b.endIndex).slice(0, 3)).toEqual([500, 1000, 1500]);
    expect(timings.batches.at(-1)?.endIndex).toBe(60_000);
    expect(firstMessages(timings.batches, 30_000).reduce((sum, b) => sum + b.count, 0)).toBe(30_000);
  });

  it('the first N messages are exactly the records the raw side inserted', () => {
    const spec = { ...historySpec(0.01), messages: 6_000 };
    const history = new History(spec);
    const CHUNK = 2_000;
    const slice = 4_000;
    const timings = new BatchTimings();
    const recordsOf = new Map<number, string[]>();
    // The same walk as bench/cases/ingest.ts: chunks, then the batches of each chunk.
    for (let from = 0; from < spec.messages; from += CHUNK) {
      for (const batch of history.batches(from, Math.min(spec.messages, from + CHUNK))) {
        const timed = timings.record(1, batch.records.length);
        recordsOf.set(
          timed.endIndex,
          batch.records.map((r) => r.id),
        );
      }
    }
    const compared = firstMessages(timings.batches, slice).flatMap((b) => recordsOf.get(b.endIndex) ?? []);
    const firstIds = [...history.batches(0, slice)].flatMap((b) => b.records.map((r) => r.id));
    expect(compared).toHaveLength(slice);
    expect(new Set(compared)).toEqual(new Set(firstIds));
  });

  it('a rate is messages over the summed batch time', () => {
    expect(
      ratePerSecond([
        { ms: 10, count: 500 },
        { ms: 40, count: 500 },
      ]),
    ).toBe(20_000);
  });
});
