import { describe, expect, it } from 'vitest';
import { ChunkSizer, storeInChunks } from './history-store-chunks.js';

/** A clock the work itself advances: each stored row "costs" `msPerRow`. */
function costedStore(msPerRow: number) {
  let clock = 0;
  const chunks: number[][] = [];
  return {
    now: () => clock,
    store: (chunk: number[]) => {
      chunks.push(chunk);
      clock += chunk.length * msPerRow;
    },
    chunks,
  };
}

const rows = Array.from({ length: 10_000 }, (_, i) => i);

describe('history stored in chunks sized to a time budget', () => {
  it('stores every row once, in order, whatever the chunk sizes', async () => {
    const run = costedStore(0.3);
    await storeInChunks(rows, run.store, { now: run.now, turn: async () => {}, sizer: new ChunkSizer() });
    expect(run.chunks.flat()).toEqual(rows);
  });

  it('shrinks the chunks on a slow machine so none holds the loop far past the budget', async () => {
    const run = costedStore(1); // 1 ms a row: 100 rows would block 100 ms
    await storeInChunks(rows, run.store, {
      now: run.now,
      turn: async () => {},
      budgetMs: 20,
      sizer: new ChunkSizer(),
    });
    const later = run.chunks.slice(3).map((chunk) => chunk.length);
    expect(Math.max(...later)).toBeLessThanOrEqual(40);
  });

  it('grows them on a fast one (fewer transactions), up to 500 rows', async () => {
    const run = costedStore(0.01);
    await storeInChunks(rows, run.store, {
      now: run.now,
      turn: async () => {},
      budgetMs: 20,
      sizer: new ChunkSizer(),
    });
    expect(run.chunks.map((chunk) => chunk.length).slice(0, 4)).toEqual([100, 200, 400, 500]);
  });

  it('fits a chunk far over the budget to it at once, not by halving', async () => {
    const run = costedStore(2); // the first 100 rows take 200 ms
    await storeInChunks(rows.slice(0, 400), run.store, {
      now: run.now,
      turn: async () => {},
      budgetMs: 20,
      sizer: new ChunkSizer(),
    });
    expect(run.chunks.map((chunk) => chunk.length).slice(0, 2)).toEqual([100, 25]);
  });

  it('keeps what it learned for the next slice: a slow machine does not start each slice at 100 rows', async () => {
    const run = costedStore(1);
    const sizer = new ChunkSizer();
    const options = { now: run.now, turn: async () => {}, budgetMs: 20, sizer };
    await storeInChunks(rows.slice(0, 300), run.store, options);
    const firstOfNext = run.chunks.length;
    await storeInChunks(rows.slice(300, 600), run.store, options);
    expect(run.chunks[0]?.length).toBe(100);
    // 1 ms a row: 20 would fit, and 25 is the floor (a transaction per row costs more than it saves).
    expect(run.chunks[firstOfNext]?.length).toBe(25);
  });

  it('waits for a background turn before each chunk', async () => {
    const run = costedStore(0.15);
    let turns = 0;
    await storeInChunks(rows.slice(0, 150), run.store, {
      sizer: new ChunkSizer(),
      now: run.now,
      turn: async () => {
        expect(run.chunks.length).toBe(turns);
        turns += 1;
      },
    });
    expect(run.chunks.length).toBe(2);
    expect(turns).toBe(2);
  });

  it('asks for room in the WAL before each chunk, and writes none until it is given', async () => {
    const run = costedStore(0.15);
    const asked: number[] = [];
    let give: () => void = () => {};
    const storing = storeInChunks(rows.slice(0, 150), run.store, {
      sizer: new ChunkSizer(),
      now: run.now,
      turn: async () => {},
      room: () => {
        asked.push(run.chunks.length);
        return new Promise<void>((resolve) => (give = resolve));
      },
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(run.chunks.length).toBe(0);
    give();
    await new Promise((resolve) => setImmediate(resolve));
    expect(run.chunks.length).toBe(1);
    give();
    await storing;
    expect(asked).toEqual([0, 1]);
    expect(run.chunks.flat()).toEqual(rows.slice(0, 150));
  });
});
