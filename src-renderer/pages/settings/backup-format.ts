/** Words for the Backups section: sizes and how long ago. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Percent done of a running backup: the database copy is the first tenth, the files the rest. */
export function backupPercent(running: { phase: 'database' | 'files'; done: number; total: number }): number {
  const part = running.total > 0 ? Math.min(1, running.done / running.total) : 0;
  return Math.round(running.phase === 'database' ? part * 10 : 10 + part * 90);
}
