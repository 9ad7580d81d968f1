import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from './connection.js';
import { SEARCH_INDEXES, SearchMerging } from './search-merging.js';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function notesIndex(): Database.Database {
  const db = new Database(':memory:');
  open.push(db);
  db.exec('CREATE VIRTUAL TABLE notes_fts USING fts5(text)');
  return db;
}

const automerge = (db: Database.Database, index: string) =>
  db.prepare(`SELECT v FROM ${index}_config WHERE k = 'automerge'`).pluck().get() as number | undefined;

/** FTS5's segments: a data row's id holds its segment's id from bit 37 up (rows 1 and 10 are not segments). */
const segments = (db: Database.Database) =>
  db.prepare('SELECT count(DISTINCT id >> 37) FROM notes_fts_data WHERE id > 10').pluck().get() as number;

/** Each insert its own transaction: one new segment each, as live messages and history chunks write. */
function writeOneByOne(db: Database.Database, from: number, count: number): void {
  const insert = db.prepare('INSERT INTO notes_fts (rowid, text) VALUES (?, ?)');
  for (let i = from; i < from + count; i += 1) insert.run(i, `order ${i} saffron bread delivery`);
}

const matches = (db: Database.Database, query: string) =>
  db.prepare('SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rowid').pluck().all(query);

describe('search-index merging in background turns', () => {
  it('takes merging over from the commits while started and hands it back on stop', () => {
    const db = notesIndex();
    const merging = new SearchMerging(db, () => {}, ['notes_fts']);
    expect(automerge(db, 'notes_fts')).toBeUndefined(); // FTS5's default (4), not stored
    merging.start();
    expect(automerge(db, 'notes_fts')).toBe(0);
    merging.stop();
    expect(automerge(db, 'notes_fts')).toBe(4);
  });

  it('leaves the segments the commits wrote to its ticks, which merge them without changing an answer', () => {
    const db = notesIndex();
    const merging = new SearchMerging(db, () => {}, ['notes_fts']);
    merging.start();
    writeOneByOne(db, 1, 15);
    // No commit merged: one segment per transaction (FTS5's own automerge would have merged at 4).
    expect(segments(db)).toBe(15);
    const before = matches(db, 'saffron');
    expect(before).toHaveLength(15);
    while (merging.tick(50));
    expect(segments(db)).toBeLessThan(4);
    expect(merging.spentMs()).toBeGreaterThan(0);
    expect(matches(db, 'saffron')).toEqual(before);
    expect(matches(db, '"order 7"')).toEqual([7]);
    merging.stop();
  });

  it('does not write when no commit changed the index since its last look', () => {
    const db = notesIndex();
    const merging = new SearchMerging(db, () => {}, ['notes_fts']);
    merging.start();
    writeOneByOne(db, 1, 6);
    while (merging.tick(50));
    const changes = db.prepare('SELECT total_changes()').pluck();
    const settled = changes.get();
    expect(merging.tick(50)).toBe(false);
    expect(changes.get()).toBe(settled);
    // A new commit is looked at again.
    writeOneByOne(db, 7, 1);
    merging.tick(50);
    expect(changes.get()).not.toBe(settled);
    merging.stop();
  });

  it('merges in its own turns once started, and on an error hands merging back to the commits', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const db = notesIndex();
      const errors: unknown[] = [];
      const merging = new SearchMerging(db, (error) => errors.push(error), ['notes_fts']);
      merging.start();
      writeOneByOne(db, 1, 12);
      for (let i = 0; i < 20 && segments(db) >= 4; i += 1) {
        await vi.advanceTimersByTimeAsync(200);
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(segments(db)).toBeLessThan(4);

      writeOneByOne(db, 13, 1);
      const failing = vi
        .spyOn(merging as unknown as { mergeStep(index: string): boolean }, 'mergeStep')
        .mockImplementation(() => {
          throw new Error('disk I/O error');
        });
      for (let i = 0; i < 5; i += 1) {
        await vi.advanceTimersByTimeAsync(200);
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(errors).toEqual([new Error('disk I/O error')]);
      expect(failing).toHaveBeenCalledTimes(1);
      expect(automerge(db, 'notes_fts')).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('looks every 100 ms while commits come, and once a second after ten quiet looks', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const db = notesIndex();
      const merging = new SearchMerging(db, () => {}, ['notes_fts']);
      const looks = vi.spyOn(merging as unknown as { structure(index: string): unknown }, 'structure');
      const advance = async (ms: number) => {
        for (let t = 0; t < ms; t += 50) {
          await vi.advanceTimersByTimeAsync(50);
          await new Promise((resolve) => setImmediate(resolve));
        }
      };
      merging.start();
      writeOneByOne(db, 1, 2);
      await advance(2_000); // settles, then ten quiet looks
      looks.mockClear();
      await advance(3_000);
      expect(looks.mock.calls.length).toBeLessThanOrEqual(4);
      writeOneByOne(db, 3, 1); // a commit: the next look sees it, and looks come often again
      looks.mockClear();
      for (let waited = 0; looks.mock.calls.length === 0 && waited < 1_100; waited += 50) await advance(50);
      expect(looks.mock.calls.length).toBeGreaterThan(0);
      looks.mockClear();
      await advance(900);
      expect(looks.mock.calls.length).toBeGreaterThanOrEqual(8);
      merging.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it("knows the app database's search indexes", () => {
    const db = openDatabase(':memory:');
    open.push(db.$client);
    const merging = new SearchMerging(db.$client, () => {});
    merging.start();
    for (const index of SEARCH_INDEXES) expect(automerge(db.$client, index)).toBe(0);
    merging.stop();
    for (const index of SEARCH_INDEXES) expect(automerge(db.$client, index)).toBe(4);
  });
});
