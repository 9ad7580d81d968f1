import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { Checkpointer } from './checkpointer.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function walDatabase() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-ckpt-'));
  dirs.push(dir);
  const file = path.join(dir, 'test.db');
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('CREATE TABLE t (id integer PRIMARY KEY, body text)');
  return { sqlite, file };
}

it('copies the WAL into the database file from its own thread, and hands back on stop', async () => {
  const { sqlite, file } = walDatabase();
  const checkpointer = new Checkpointer(sqlite, (error) => {
    throw error;
  });
  checkpointer.start();
  // The writer no longer checkpoints every 1000 pages itself.
  expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(50_000);
  const insert = sqlite.prepare('INSERT INTO t (body) VALUES (?)');
  sqlite.transaction(() => {
    for (let i = 0; i < 2000; i += 1) insert.run('x'.repeat(500));
  })();
  const before = statSync(file).size;
  // The checkpoint extends the file page by page: wait for all of it, not for its first pages.
  for (let waited = 0; statSync(file).size <= before + 500_000 && waited < 10_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(statSync(file).size).toBeGreaterThan(before + 500_000);
  await checkpointer.stop();
  expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  expect(sqlite.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2000 });
  sqlite.close();
});

it('does nothing for an in-memory database', async () => {
  const sqlite = new Database(':memory:');
  const checkpointer = new Checkpointer(sqlite, () => {});
  checkpointer.start();
  expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  await checkpointer.stop();
  sqlite.close();
});
