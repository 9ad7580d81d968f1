import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from './connection.js';
import { CommitDurability, commitDurability } from './durable-commits.js';

/** Whether `promise` has settled once pending callbacks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

/** A sync function whose calls the test finishes one by one. */
function controlledSync() {
  const calls: { file: string; finish: (error?: Error) => void }[] = [];
  const sync = (file: string) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ file, finish: (error) => (error ? reject(error) : resolve()) });
    });
  return { calls, sync };
}

it('answers a flush once a sync that began after it has finished, and shares that sync with the callers meanwhile', async () => {
  const { calls, sync } = controlledSync();
  const durability = new CommitDurability('/data/chatdock.db-wal', sync);

  const first = durability.flush();
  expect(calls.map((c) => c.file)).toEqual(['/data/chatdock.db-wal']);
  // Committed while the first sync runs: that sync may have started before their commit.
  const second = durability.flush();
  const third = durability.flush();
  expect(calls).toHaveLength(1);

  calls[0]!.finish();
  expect(await settled(first)).toBe(true);
  expect(await settled(second)).toBe(false);
  // One more sync for both of them, not one each.
  expect(calls).toHaveLength(2);
  calls[1]!.finish();
  expect(await settled(second)).toBe(true);
  expect(await settled(third)).toBe(true);
  expect(calls).toHaveLength(2);

  // Nothing under way: a flush starts its own sync at once.
  const fourth = durability.flush();
  expect(calls).toHaveLength(3);
  calls[2]!.finish();
  expect(await settled(fourth)).toBe(true);
});

it('fails the callers of a sync that failed (nothing may be acknowledged), and the next flush syncs again', async () => {
  const { calls, sync } = controlledSync();
  const durability = new CommitDurability('/data/chatdock.db-wal', sync);

  const failing = durability.flush();
  const waiting = durability.flush();
  calls[0]!.finish(new Error('EIO'));
  await expect(failing).rejects.toThrow('EIO');
  // The one waiting for the next sync still gets it.
  expect(calls).toHaveLength(2);
  calls[1]!.finish();
  await expect(waiting).resolves.toBeUndefined();
});

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

it("syncs the database's own WAL file, the one its commits are written to", async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'chatdock-durable-'));
  const db = openDatabase(path.join(dir, 'chatdock.db'));
  try {
    const durability = commitDurability(db.$client);
    expect(commitDurability(db.$client)).toBe(durability);
    db.$client.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    expect(durability.walFile).toBe(path.join(dir, 'chatdock.db-wal'));
    expect(statSync(durability.walFile!).size).toBeGreaterThan(0);
    await expect(durability.flush()).resolves.toBeUndefined();
  } finally {
    db.$client.close();
  }
  // Closed: SQLite checkpointed and deleted the WAL; there is nothing left to sync.
  expect(existsSync(path.join(dir, 'chatdock.db-wal'))).toBe(false);
  await expect(new CommitDurability(path.join(dir, 'chatdock.db-wal')).flush()).resolves.toBeUndefined();
});

it('has nothing to sync for a database in memory', async () => {
  const db = openDatabase(':memory:');
  try {
    expect(commitDurability(db.$client).walFile).toBeNull();
    await expect(commitDurability(db.$client).flush()).resolves.toBeUndefined();
  } finally {
    db.$client.close();
  }
});
