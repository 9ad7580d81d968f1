/**
 * Which backups to keep: the newest of each of the last `daily` days, `weekly` ISO weeks and
 * `monthly` months (UTC), plus always the newest one. Everything else may be deleted. Pure.
 */
export interface Keep {
  daily: number;
  weekly: number;
  monthly: number;
}

export function backupsToKeep<T extends { createdAt: Date }>(backups: readonly T[], keep: Keep): Set<T> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const kept = new Set<T>();
  if (newestFirst[0]) kept.add(newestFirst[0]);
  const byPeriod = (period: (d: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      if (seen.size >= count) break;
      const key = period(backup.createdAt);
      if (seen.has(key)) continue;
      seen.add(key);
      kept.add(backup);
    }
  };
  byPeriod((d) => d.toISOString().slice(0, 10), keep.daily);
  byPeriod(isoWeek, keep.weekly);
  byPeriod((d) => d.toISOString().slice(0, 7), keep.monthly);
  return kept;
}

function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${week}`;
}
