/** Sizes in the reader's language (shared with Storage). */
export { formatBytes } from '../../i18n/format';

/** Percent done of a running backup: the database copy is the first tenth, the files the rest. */
export function backupPercent(running: { phase: 'database' | 'files'; done: number; total: number }): number {
  const part = running.total > 0 ? Math.min(1, running.done / running.total) : 0;
  return Math.round(running.phase === 'database' ? part * 10 : 10 + part * 90);
}
