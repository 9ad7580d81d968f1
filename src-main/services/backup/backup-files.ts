import path from 'node:path';

/** Names of backup files, and of the work files a backup leaves in the data dir while it runs. */
export const BACKUP_EXTENSION = '.chatdock-backup';
/** A backup being written. Never a name that looks finished: renamed only once it is complete. */
export const PARTIAL_SUFFIX = '.partial';
/** `<dataDir>/backup-work/`: database snapshots on their way into a backup (owner-only, like all the data dir). */
export const WORK_DIR = 'backup-work';

export function backupFileName(createdAt: Date, attempt = 0): string {
  const stamp = createdAt
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  return `chatdock-${stamp}${attempt > 0 ? `-${attempt + 1}` : ''}${BACKUP_EXTENSION}`;
}

/** When a backup file was made, from its name (null for names Chatdock did not give). */
export function createdAtOfName(name: string): Date | null {
  const match = /^chatdock-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z(?:-\d+)?\.chatdock-backup$/.exec(
    path.basename(name),
  );
  if (!match) return null;
  const date = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}
