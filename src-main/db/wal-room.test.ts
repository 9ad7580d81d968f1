import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { WAL_ROOM_FRAMES, WAL_WAIT_MS, WalRoom } from './wal-room.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Whether `promise` has settled once pending callbacks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

it('lets a bulk write go at once while the WAL is small, or large but all copied back', async () => {
  const wal = new WalRoom();
  expect(await settled(wal.room())).toBe(true);
  wal.report({ log: WAL_ROOM_FRAMES, checkpointed: 0 });
  expect(await settled(wal.room())).toBe(true);
  wal.report({ log: 40_000, checkpointed: 40_000 });
  expect(await settled(wal.room())).toBe(true);
  // Outside WAL mode the pragma answers -1.
  wal.report({ log: -1, checkpointed: -1 });
  expect(await settled(wal.room())).toBe(true);
});

it('holds it while a large WAL is not yet copied back, until the checkpoint thread catches up', async () => {
  const wal = new WalRoom();
  wal.report({ log: 30_000, checkpointed: 12_000 });
  const room = wal.room();
  expect(await settled(room)).toBe(false);
  wal.report({ log: 34_000, checkpointed: 30_000 });
  expect(await settled(room)).toBe(false);
  wal.report({ log: 34_000, checkpointed: 34_000 });
  expect(await settled(room)).toBe(true);
});

it('never holds it longer than the longest wait, nor once the thread stopped', async () => {
  const wal = new WalRoom();
  wal.report({ log: 30_000, checkpointed: 0 });
  const timedOut = wal.room();
  await vi.advanceTimersByTimeAsync(WAL_WAIT_MS - 1);
  expect(await settled(timedOut)).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(await settled(timedOut)).toBe(true);
  const stopped = wal.room();
  wal.release();
  expect(await settled(stopped)).toBe(true);
});
