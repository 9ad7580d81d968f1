import { useEffect, useState, type FormEvent } from 'react';
import {
  BACKUP_SCHEDULES,
  MIN_BACKUP_PASSPHRASE,
  type BackupSchedule,
  type BackupStatus,
} from '../../../src-shared/contract/backups';
import { useQuery } from '../../hooks';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { backupPercent, formatBytes } from './backup-format';
import { formatTime } from './time';
import { RestoreFromBackup } from './RestoreFromBackup';
import '../../styles/backups.css';

const SCHEDULE_LABELS: Record<BackupSchedule, string> = {
  off: 'Only when I click “Back up now”',
  daily: 'Every day',
  weekly: 'Every week',
};

/**
 * Where the encrypted backups go, how often, how many are kept; progress of the running one,
 * the last good one, and a warning when it is older than the schedule promises.
 */
export function BackupsSection() {
  const transport = useTransport();
  const status = useQuery('backups.status', {});
  const sessions = useQuery('sessions.list', {});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const running = status.data?.running ?? null;

  // Poll while a backup runs (progress is not an event: nothing about it is worth storing).
  const reload = status.reload;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void reload(), 1000);
    return () => clearInterval(timer);
  }, [running, reload]);

  const backUpNow = async () => {
    setError(null);
    try {
      status.setData(await transport.call('backups.run', {}));
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const data = status.data;
  return (
    <section className="card" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      <p className="muted">
        One encrypted file with every conversation, the media and the linked numbers, written while Chatdock
        runs. Put it on an external disk or a synced folder; to move to a new PC, restore it there.
      </p>
      {status.error && <p className="form-error">{status.error}</p>}
      {data && <BackupState status={data} />}
      {running && (
        <div aria-label="Backup progress">
          <div
            className="backup-progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={backupPercent(running)}
          >
            <div className="backup-progress__bar" style={{ width: `${backupPercent(running)}%` }} />
          </div>
          <p className="muted">
            Backing up… {backupPercent(running)}%{' '}
            {running.phase === 'files' && `(${formatBytes(running.done)} of ${formatBytes(running.total)})`}
          </p>
        </div>
      )}
      <div>
        <button
          type="button"
          className="button button--secondary"
          title={data?.settings.folder ? undefined : 'Choose a backup folder and a passphrase first'}
          disabled={!data?.settings.folder || !data.settings.hasPassphrase || running !== null}
          onClick={() => void backUpNow()}
        >
          Back up now
        </button>
      </div>
      {error && <p className="form-error">{error}</p>}
      {data && (
        <BackupSettingsForm
          status={data}
          onSaved={(next) => {
            status.setData(next);
            setSaved(true);
          }}
        />
      )}
      {saved && <p className="muted">Saved.</p>}
      <details>
        <summary>Restore from a backup</summary>
        <RestoreFromBackup replacing={(sessions.data?.length ?? 0) > 0} />
      </details>
    </section>
  );
}

function BackupState({ status }: { status: BackupStatus }) {
  const { lastGood, lastError, overdue, settings, nextDueAt, files } = status;
  return (
    <>
      {status.restorePending && (
        <p className="backup-warning" role="status">
          A restored backup is ready: quit Chatdock and start it again to use it.
        </p>
      )}
      {overdue && (
        <p className="backup-warning" role="alert">
          {lastGood
            ? `The last backup is from ${formatTime(lastGood.createdAt)}: older than the schedule promises.`
            : 'No backup has been made yet.'}{' '}
          Check that the backup folder is reachable, or click “Back up now”.
        </p>
      )}
      <p aria-label="Last good backup">
        {lastGood
          ? `Last good backup: ${formatTime(lastGood.createdAt)}, ${formatBytes(lastGood.size)}, ${lastGood.messages} messages, ${lastGood.mediaFiles} media files.`
          : 'No backup yet.'}
        {nextDueAt && settings.schedule !== 'off' && !overdue && ` Next: ${formatTime(nextDueAt)}.`}
      </p>
      {lastError && <p className="form-error">The last attempt failed: {lastError.message}</p>}
      {files.length > 0 && (
        <details>
          <summary>
            {files.length} backup file{files.length === 1 ? '' : 's'} in the folder
          </summary>
          <ul className="backup-files">
            {files.map((file) => (
              <li key={file.name}>
                {file.name} — {formatBytes(file.size)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function BackupSettingsForm({
  status,
  onSaved,
}: {
  status: BackupStatus;
  onSaved: (next: BackupStatus) => void;
}) {
  const transport = useTransport();
  const [folder, setFolder] = useState(status.settings.folder ?? '');
  const [schedule, setSchedule] = useState<BackupSchedule>(status.settings.schedule);
  const [keep, setKeep] = useState(status.settings.keep);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (passphrase !== repeat) {
      setError('The two passphrases differ.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const next = await transport.call('backups.configure', {
        folder: folder.trim() || null,
        schedule,
        keep,
        ...(passphrase ? { passphrase } : {}),
      });
      setPassphrase('');
      setRepeat('');
      onSaved(next);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="integration-form" aria-label="Backup settings" onSubmit={(event) => void save(event)}>
      <label className="field">
        <span className="field__label">Backup folder</span>
        <input
          value={folder}
          placeholder="e.g. E:\Chatdock backups or /media/usb/chatdock"
          onChange={(event) => setFolder(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">
          {status.settings.hasPassphrase
            ? 'New passphrase (leave empty to keep the current one)'
            : 'Passphrase'}
        </span>
        <input
          type="password"
          autoComplete="new-password"
          minLength={MIN_BACKUP_PASSPHRASE}
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">Passphrase again</span>
        <input
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(event) => setRepeat(event.target.value)}
        />
      </label>
      <p className="muted">
        Without the passphrase nobody can open a backup, not even Chatdock: write it down and keep it away
        from this PC. A new passphrase applies to the next backups; older ones keep theirs.
      </p>
      <label className="field">
        <span className="field__label">Schedule</span>
        <select value={schedule} onChange={(event) => setSchedule(event.target.value as BackupSchedule)}>
          {BACKUP_SCHEDULES.map((value) => (
            <option key={value} value={value}>
              {SCHEDULE_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="backup-keep">
        <legend className="field__label">Keep</legend>
        {(['daily', 'weekly', 'monthly'] as const).map((period) => (
          <label key={period} className="field">
            <span className="field__label">{period}</span>
            <input
              type="number"
              min={0}
              value={keep[period]}
              onChange={(event) => setKeep({ ...keep, [period]: Number(event.target.value) })}
            />
          </label>
        ))}
      </fieldset>
      {error && <p className="form-error">{error}</p>}
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          Save backup settings
        </button>
      </div>
    </form>
  );
}
