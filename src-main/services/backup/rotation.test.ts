import { describe, expect, it } from 'vitest';
import { backupsToKeep } from './rotation.js';

const at = (iso: string) => ({ createdAt: new Date(iso), name: iso });

describe('backup rotation', () => {
  it('keeps the newest of each of the last N days, weeks and months, and deletes the rest', () => {
    // Two a day from 1 Oct to 5 Dec 2026.
    const backups = [];
    for (let t = Date.UTC(2026, 9, 1, 3); t <= Date.UTC(2026, 11, 5, 3); t += 12 * 3600_000) {
      backups.push(at(new Date(t).toISOString()));
    }
    const kept = [...backupsToKeep(backups, { daily: 3, weekly: 2, monthly: 3 })].map((b) => b.name).sort();
    expect(kept).toEqual([
      '2026-10-31T15:00:00.000Z', // October's newest
      '2026-11-29T15:00:00.000Z', // the newest of last week (23–29 Nov)
      '2026-11-30T15:00:00.000Z', // November's newest
      '2026-12-03T15:00:00.000Z',
      '2026-12-04T15:00:00.000Z',
      '2026-12-05T03:00:00.000Z', // the newest: today, this week, this month
    ]);
  });

  it('with nothing to keep still keeps the newest backup', () => {
    const backups = [at('2026-12-01T00:00:00Z'), at('2026-12-02T00:00:00Z')];
    expect([...backupsToKeep(backups, { daily: 0, weekly: 0, monthly: 0 })].map((b) => b.name)).toEqual([
      '2026-12-02T00:00:00Z',
    ]);
  });
});
