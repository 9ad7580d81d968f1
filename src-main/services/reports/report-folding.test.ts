import { afterEach, expect, it, vi } from 'vitest';
import type { Logger } from '../../core/logger.js';
import type { ConversationTable } from './conversation-table.js';
import { ReportFolding } from './report-folding.js';

const nextCheckPhase = () => new Promise<void>((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

/** A table with nothing marked that counts the ticks it is asked for. */
function countingTable() {
  const calls = { settle: 0 };
  const table = {
    settle: () => {
      calls.settle += 1;
      return 0;
    },
    backlogOver: () => false,
    days: { rebuild: () => 0 },
  } as unknown as ConversationTable;
  return { table, calls };
}

const logger = { info: () => {}, error: () => {} } as unknown as Logger;

it('ticks in a background turn after its timer, not in the timer itself', async () => {
  // Only timers are faked: the background turns (setImmediate) stay real.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const { table, calls } = countingTable();
  const folding = new ReportFolding(table, logger);
  folding.start();
  vi.advanceTimersByTime(2_000);
  expect(calls.settle).toBe(0);
  await nextCheckPhase();
  expect(calls.settle).toBe(1);
  folding.stop();
});

it('a tick still waiting for its turn across a stop and a start is dropped (one loop, not two)', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const { table, calls } = countingTable();
  const folding = new ReportFolding(table, logger);
  folding.start();
  vi.advanceTimersByTime(2_000);
  // The timer fired and its tick waits for a turn; the folding is restarted meanwhile.
  folding.stop();
  folding.start();
  await nextCheckPhase();
  expect(calls.settle).toBe(0);
  vi.advanceTimersByTime(2_000);
  await nextCheckPhase();
  expect(calls.settle).toBe(1);
  // Nothing marked: the next tick is 2 s later, and only one of them.
  vi.advanceTimersByTime(2_000);
  await nextCheckPhase();
  expect(calls.settle).toBe(2);
  folding.stop();
});
