import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { incrementalVacuum } from './incremental-vacuum.js';
import { autoVacuumMode, prepareAutoVacuum } from '../../db/auto-vacuum.js';
import { openDatabase } from '../../db/connection.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-vacuum-'));
  dirs.push(dir);
  return path.join(dir, 'chatdock.db');
}

/** A database as earlier versions made it: WAL, no auto-vacuum, some data. */
function oldDatabase(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE notes (body TEXT)');
  const insert = db.prepare('INSERT INTO notes VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 5000; i++) insert.run(`note ${i} `.padEnd(400, '.'));
  })();
  db.close();
}

describe('incremental auto-vacuum', () => {
  it('is on from the start for a new database', () => {
    const file = tempFile();
    const outcomes: string[] = [];
    const db = openDatabase(file, { onAutoVacuum: (outcome) => outcomes.push(outcome.action) });
    expect(outcomes).toEqual(['new']);
    expect(autoVacuumMode(db.$client)).toBe('incremental');
    db.$client.close();
    const again = openDatabase(file, { onAutoVacuum: (outcome) => outcomes.push(outcome.action) });
    expect(outcomes).toEqual(['new', 'already']);
    again.$client.close();
  });

  it('converts an existing database once, keeping its data, when the disk has room', () => {
    const file = tempFile();
    oldDatabase(file);
    const db = new Database(file);
    expect(autoVacuumMode(db)).toBe('none');
    const outcome = prepareAutoVacuum(db, file, () => Number.MAX_SAFE_INTEGER);
    expect(outcome.action).toBe('converted');
    expect(autoVacuumMode(db)).toBe('incremental');
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 5000 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('leaves an existing database as it is when the disk has no room for the rewrite', () => {
    const file = tempFile();
    oldDatabase(file);
    const db = new Database(file);
    const outcome = prepareAutoVacuum(db, file, () => 1024);
    expect(outcome).toMatchObject({ action: 'skipped', reason: expect.stringContaining('free bytes') });
    expect(autoVacuumMode(db)).toBe('none');
    db.close();
  });

  it('gives deleted rows back to the disk, so the file shrinks', async () => {
    const file = tempFile();
    oldDatabase(file);
    const db = new Database(file);
    prepareAutoVacuum(db, file, () => Number.MAX_SAFE_INTEGER);
    const before = statSync(file).size;
    db.exec('DELETE FROM notes WHERE rowid <= 4000');
    const freed = await incrementalVacuum(db, () => false);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(freed).toBeGreaterThan(0);
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    expect(statSync(file).size).toBeLessThan(before / 2);
    db.close();
  });
});
