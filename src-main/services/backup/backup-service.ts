import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type {
  PreparedRestore,
  BackupSchedule,
  BackupStatus,
  VerifiedBackupInfo,
} from '../../../src-shared/contract/backups.js';
import { AppError } from '../../../src-shared/errors.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import type { InternalSettings } from '../settings/internal-settings.js';
import { BACKUP_EXTENSION, createdAtOfName } from './backup-files.js';
import { BackupKey, type ScryptParams } from './backup-key.js';
import { createBackup, type BackupProgress } from './create-backup.js';
import { backupsToKeep, type Keep } from './rotation.js';
import { verifyBackup } from './verify-backup.js';
import { prepareRestore, restorePending } from './restore-backup.js';

/** `<dataDir>/backup-key`: the derived key of scheduled backups (never the passphrase itself). */
const BACKUP_KEY_FILE = 'backup-key';
const SETTINGS_KEY = 'backup.settings';
const LAST_KEY = 'backup.last';
const INTERVAL_MS: Record<Exclude<BackupSchedule, 'off'>, number> = {
  daily: 24 * 3600_000,
  weekly: 7 * 24 * 3600_000,
};
/** How late a scheduled backup may be before the app warns (the PC may have been off a while). */
const GRACE_MS = 3600_000;
const CHECK_EVERY_MS = 60_000;
/** After a failed scheduled backup (the USB disk is unplugged), wait this long before trying again. */
const RETRY_AFTER_FAILURE_MS = 15 * 60_000;

interface StoredSettings {
  folder: string | null;
  schedule: BackupSchedule;
  keep: Keep;
}

interface LastResult {
  good: { name: string; size: number; createdAt: string; messages: number; mediaFiles: number } | null;
  error: { at: string; message: string } | null;
}

const DEFAULTS: StoredSettings = {
  folder: null,
  schedule: 'daily',
  keep: { daily: 7, weekly: 4, monthly: 6 },
};

interface BackupServiceDeps {
  db: Db;
  dataDir: string;
  internal: InternalSettings;
  logger: Logger;
  appVersion: string;
  now?: () => Date;
  /** scrypt cost of new passphrases (tests: cheaper). */
  scrypt?: ScryptParams;
}

/**
 * Backups of the running app: settings (folder, schedule, rotation) in the internal settings, the
 * passphrase's derived key in `<dataDir>/backup-key` (so scheduled backups run unattended and the
 * key is not inside the backups it opens), one backup at a time, then rotation of the folder.
 */
export class BackupService {
  private running: (BackupProgress & { startedAt: string }) | null = null;
  private current: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failedAt: number | null = null;
  private restoring = false;
  private readonly now: () => Date;

  constructor(private readonly deps: BackupServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  start(): void {
    this.timer = setInterval(() => this.runIfDue(), CHECK_EVERY_MS);
    this.timer.unref();
    this.runIfDue();
  }

  /** Stops the schedule and waits for a backup in progress (it is not worth throwing away). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.current;
  }

  status(): BackupStatus {
    const settings = this.settings();
    const last = this.last();
    const files = settings.folder ? this.files(settings.folder) : [];
    const lastGoodAt = last.good ? Date.parse(last.good.createdAt) : null;
    const interval = settings.schedule === 'off' ? null : INTERVAL_MS[settings.schedule];
    // Promised once a folder is chosen; without the key (a restored data dir: it is not in the
    // backup) nothing can run, which is exactly when the owner must be told.
    const promised = interval !== null && settings.folder !== null;
    const active = promised && this.hasKey();
    const nextDueAt = active
      ? new Date(lastGoodAt === null ? this.now().getTime() : lastGoodAt + interval)
      : null;
    return {
      settings: { ...settings, hasPassphrase: this.hasKey() },
      running: this.running ? { ...this.running } : null,
      lastGood: last.good,
      lastError: last.error,
      nextDueAt: nextDueAt?.toISOString() ?? null,
      overdue: promised && (lastGoodAt === null || this.now().getTime() - lastGoodAt > interval + GRACE_MS),
      files: files.map(({ name, size, createdAt }) => ({ name, size, createdAt: createdAt.toISOString() })),
      restorePending: restorePending(this.deps.dataDir),
    };
  }

  async configure(input: {
    folder?: string | null | undefined;
    passphrase?: string | undefined;
    schedule?: BackupSchedule | undefined;
    keep?: Partial<Keep> | undefined;
  }): Promise<BackupStatus> {
    const current = this.settings();
    const next: StoredSettings = { ...current, keep: { ...current.keep, ...input.keep } };
    if (input.folder !== undefined) {
      if (input.folder !== null) checkFolder(input.folder);
      next.folder = input.folder === null ? null : path.resolve(input.folder);
    }
    if (input.schedule) next.schedule = input.schedule;
    if (input.passphrase !== undefined) {
      const key = await BackupKey.fromPassphrase(input.passphrase, this.deps.scrypt);
      writeFileSync(this.keyFile(), JSON.stringify(key.toJSON()), { mode: 0o600 });
    }
    this.deps.internal.write(SETTINGS_KEY, next);
    this.runIfDue();
    return this.status();
  }

  /** Starts a backup now (answers at once; `status().running` shows the progress). */
  run(): BackupStatus {
    const settings = this.settings();
    if (!settings.folder) throw new AppError('VALIDATION_FAILED', 'Choose a backup folder first.', 'folder');
    const key = this.key();
    if (!key) throw new AppError('VALIDATION_FAILED', 'Set a backup passphrase first.', 'passphrase');
    if (this.running) throw new AppError('CONFLICT', 'A backup is already running.');
    this.begin(settings, key);
    return this.status();
  }

  /** Waits for the backup in progress, if any (tests, shutdown). */
  async settled(): Promise<void> {
    await this.current;
  }

  async verify(file: string, passphrase: string): Promise<VerifiedBackupInfo> {
    const full = this.backupPath(file);
    const verified = await verifyBackup(full, passphrase);
    const { createdAt, appVersion, sessions, counts } = verified.manifest;
    return { file: full, size: verified.size, createdAt, appVersion, sessions, counts };
  }

  /**
   * "Restore from a backup" in the running app: decrypts and checks the file beside the data
   * dir now; the switch happens at the next start (services/backup/restore-backup.ts), since
   * this app holds the data dir open. An installation with numbers needs `replace`.
   */
  async restore(input: {
    file: string;
    passphrase: string;
    replace?: boolean | undefined;
  }): Promise<PreparedRestore> {
    const full = this.backupPath(input.file);
    if (!input.replace && this.hasSessions()) {
      throw new AppError(
        'CONFLICT',
        'This installation already has numbers. Restoring replaces its data (it is kept aside): confirm to go on.',
        'replace',
      );
    }
    if (this.restoring) throw new AppError('CONFLICT', 'A restore is already being prepared.');
    this.restoring = true;
    try {
      const verified = await prepareRestore({
        file: full,
        passphrase: input.passphrase,
        dataDir: this.deps.dataDir,
      });
      const { createdAt, appVersion, sessions, counts } = verified.manifest;
      this.deps.logger.info(
        { file: full },
        'backup restored beside the data dir; it is used from the next start',
      );
      return {
        file: full,
        size: verified.size,
        createdAt,
        appVersion,
        sessions,
        counts,
        restartNeeded: true,
      };
    } finally {
      this.restoring = false;
    }
  }

  /** A backup file's full path: as given, or a name in the backup folder. */
  private backupPath(file: string): string {
    const folder = this.settings().folder;
    const full = path.isAbsolute(file) ? file : folder ? path.join(folder, path.basename(file)) : null;
    if (!full) throw new AppError('VALIDATION_FAILED', 'Give the full path of the backup file.', 'file');
    try {
      if (!statSync(full).isFile()) throw new Error('not a file');
    } catch {
      throw new AppError('VALIDATION_FAILED', `There is no file ${full}.`, 'file');
    }
    return full;
  }

  private hasSessions(): boolean {
    return this.deps.db.$client.prepare('SELECT 1 FROM sessions LIMIT 1').get() !== undefined;
  }

  private runIfDue(): void {
    const status = this.status();
    const now = this.now().getTime();
    if (this.running || !status.nextDueAt || Date.parse(status.nextDueAt) > now) return;
    if (this.failedAt !== null && now - this.failedAt < RETRY_AFTER_FAILURE_MS) return;
    const settings = this.settings();
    const key = this.key();
    if (settings.folder && key) this.begin(settings, key);
  }

  private begin(settings: StoredSettings, key: BackupKey): void {
    const folder = settings.folder!;
    const startedAt = this.now();
    this.running = { phase: 'database', done: 0, total: 0, startedAt: startedAt.toISOString() };
    this.current = createBackup({
      sqlite: this.deps.db.$client,
      dataDir: this.deps.dataDir,
      folder,
      key,
      appVersion: this.deps.appVersion,
      now: startedAt,
      onProgress: (progress) => {
        if (this.running) Object.assign(this.running, progress);
      },
    })
      .then((made) => {
        this.deps.internal.write(LAST_KEY, {
          good: {
            name: path.basename(made.file),
            size: made.size,
            createdAt: made.manifest.createdAt,
            messages: made.manifest.counts.messages,
            mediaFiles: made.manifest.counts.mediaFiles,
          },
          error: null,
        } satisfies LastResult);
        this.failedAt = null;
        this.deps.logger.info({ file: made.file, size: made.size }, 'backup written');
        this.rotate(folder, settings.keep);
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.failedAt = this.now().getTime();
        this.deps.internal.write(LAST_KEY, {
          ...this.last(),
          error: { at: this.now().toISOString(), message },
        });
        this.deps.logger.error({ err: error, folder }, 'backup failed');
      })
      .finally(() => {
        this.running = null;
        this.current = null;
      });
  }

  private rotate(folder: string, keep: Keep): void {
    const files = this.files(folder);
    const kept = backupsToKeep(files, keep);
    for (const file of files) {
      if (kept.has(file)) continue;
      try {
        rmSync(path.join(folder, file.name));
      } catch (error) {
        this.deps.logger.warn({ err: error, file: file.name }, 'could not delete an old backup');
      }
    }
  }

  /** Backup files Chatdock named in the folder, newest first. */
  private files(folder: string): { name: string; size: number; createdAt: Date }[] {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return [];
    }
    const out: { name: string; size: number; createdAt: Date }[] = [];
    for (const name of names) {
      const createdAt = name.endsWith(BACKUP_EXTENSION) ? createdAtOfName(name) : null;
      if (!createdAt) continue;
      try {
        out.push({ name, size: statSync(path.join(folder, name)).size, createdAt });
      } catch {
        // Removed meanwhile.
      }
    }
    return out.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  private settings(): StoredSettings {
    const stored = this.deps.internal.read<Partial<StoredSettings>>(SETTINGS_KEY);
    return { ...DEFAULTS, ...stored, keep: { ...DEFAULTS.keep, ...stored?.keep } };
  }

  private last(): LastResult {
    return this.deps.internal.read<LastResult>(LAST_KEY) ?? { good: null, error: null };
  }

  private keyFile(): string {
    return path.join(this.deps.dataDir, BACKUP_KEY_FILE);
  }

  private hasKey(): boolean {
    return this.key() !== null;
  }

  private key(): BackupKey | null {
    try {
      return BackupKey.fromJSON(
        JSON.parse(readFileSync(this.keyFile(), 'utf8')) as Parameters<typeof BackupKey.fromJSON>[0],
      );
    } catch {
      return null;
    }
  }
}

function checkFolder(folder: string): void {
  let isDir = false;
  try {
    isDir = statSync(folder).isDirectory();
  } catch {
    // Missing: same answer.
  }
  if (!isDir) throw new AppError('VALIDATION_FAILED', `The folder ${folder} does not exist.`, 'folder');
  if (!path.isAbsolute(folder))
    throw new AppError('VALIDATION_FAILED', 'Give the full path of the folder.', 'folder');
}
