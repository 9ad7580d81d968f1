import { useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  BACKUP_SCHEDULES,
  MIN_BACKUP_PASSPHRASE,
  type BackupSchedule,
  type BackupStatus,
} from '../../../src-shared/contract/backups';
import { useQuery } from '../../hooks';
import type { MessageId } from '../../i18n/messages/en';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { backupPercent, formatBytes } from './backup-format';
import { formatTime } from './time';
import { RestoreFromBackup } from './RestoreFromBackup';
import '../../styles/backups.css';

const SCHEDULE_LABELS: Record<BackupSchedule, MessageId> = {
  off: 'settings.backups.schedule.off',
  daily: 'settings.backups.schedule.daily',
  weekly: 'settings.backups.schedule.weekly',
};

const KEEP_LABELS = {
  daily: 'settings.backups.keep.daily',
  weekly: 'settings.backups.keep.weekly',
  monthly: 'settings.backups.keep.monthly',
} as const satisfies Record<string, MessageId>;

/**
 * Where the encrypted backups go, how often, how many are kept; progress of the running one,
 * the last good one, and a warning when it is older than the schedule promises.
 */
export function BackupsSection() {
  const intl = useIntl();
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
      <h2 id="backups-title">
        <FormattedMessage id="settings.backups.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="settings.backups.intro" />
      </p>
      {status.error && <p className="form-error">{status.error}</p>}
      {data && <BackupState status={data} />}
      {running && (
        <div aria-label={intl.formatMessage({ id: 'settings.backups.progress' })}>
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
            {running.phase === 'files'
              ? intl.formatMessage(
                  { id: 'settings.backups.runningFiles' },
                  {
                    percent: backupPercent(running) / 100,
                    done: formatBytes(running.done, intl),
                    total: formatBytes(running.total, intl),
                  },
                )
              : intl.formatMessage(
                  { id: 'settings.backups.running' },
                  { percent: backupPercent(running) / 100 },
                )}
          </p>
        </div>
      )}
      <div>
        <button
          type="button"
          className="button button--secondary"
          title={
            data?.settings.folder ? undefined : intl.formatMessage({ id: 'settings.backups.needFolder' })
          }
          disabled={!data?.settings.folder || !data.settings.hasPassphrase || running !== null}
          onClick={() => void backUpNow()}
        >
          <FormattedMessage id="settings.backups.backUpNow" />
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
      {saved && (
        <p className="muted">
          <FormattedMessage id="common.saved" />
        </p>
      )}
      <details>
        <summary>Restore from a backup</summary>
        <RestoreFromBackup replacing={(sessions.data?.length ?? 0) > 0} />
      </details>
    </section>
  );
}

function BackupState({ status }: { status: BackupStatus }) {
  const intl = useIntl();
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
            ? intl.formatMessage({ id: 'settings.backups.overdue' }, { time: formatTime(lastGood.createdAt) })
            : intl.formatMessage({ id: 'settings.backups.neverMade' })}{' '}
          <FormattedMessage id="settings.backups.checkFolder" />
        </p>
      )}
      <p aria-label={intl.formatMessage({ id: 'settings.backups.lastGoodLabel' })}>
        {lastGood
          ? intl.formatMessage(
              { id: 'settings.backups.lastGood' },
              {
                time: formatTime(lastGood.createdAt),
                size: formatBytes(lastGood.size, intl),
                messages: lastGood.messages,
                media: lastGood.mediaFiles,
              },
            )
          : intl.formatMessage({ id: 'settings.backups.none' })}
        {nextDueAt &&
          settings.schedule !== 'off' &&
          !overdue &&
          ' ' + intl.formatMessage({ id: 'settings.backups.next' }, { time: formatTime(nextDueAt) })}
      </p>
      {lastError && (
        <p className="form-error">
          <FormattedMessage id="settings.backups.lastFailed" values={{ reason: lastError.message }} />
        </p>
      )}
      {files.length > 0 && (
        <details>
          <summary>
            <FormattedMessage id="settings.backups.files" values={{ count: files.length }} />
          </summary>
          <ul className="backup-files">
            {files.map((file) => (
              <li key={file.name}>
                <bdi>{file.name}</bdi> — {formatBytes(file.size, intl)}
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
  const intl = useIntl();
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
      setError(intl.formatMessage({ id: 'settings.backups.passphrasesDiffer' }));
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
    <form
      className="integration-form"
      aria-label={intl.formatMessage({ id: 'settings.backups.settings' })}
      onSubmit={(event) => void save(event)}
    >
      <label className="field">
        <span className="field__label">
          <FormattedMessage id="settings.backups.folder" />
        </span>
        <input
          value={folder}
          placeholder={intl.formatMessage({ id: 'settings.backups.folderPlaceholder' })}
          onChange={(event) => setFolder(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">
          {intl.formatMessage({
            id: status.settings.hasPassphrase
              ? 'settings.backups.newPassphrase'
              : 'settings.backups.passphrase',
          })}
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
        <span className="field__label">
          <FormattedMessage id="settings.backups.passphraseAgain" />
        </span>
        <input
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(event) => setRepeat(event.target.value)}
        />
      </label>
      <p className="muted">
        <FormattedMessage id="settings.backups.passphraseHint" />
      </p>
      <label className="field">
        <span className="field__label">
          <FormattedMessage id="settings.backups.scheduleLabel" />
        </span>
        <select value={schedule} onChange={(event) => setSchedule(event.target.value as BackupSchedule)}>
          {BACKUP_SCHEDULES.map((value) => (
            <option key={value} value={value}>
              {intl.formatMessage({ id: SCHEDULE_LABELS[value] })}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="backup-keep">
        <legend className="field__label">
          <FormattedMessage id="settings.backups.keep" />
        </legend>
        {(['daily', 'weekly', 'monthly'] as const).map((period) => (
          <label key={period} className="field">
            <span className="field__label">{intl.formatMessage({ id: KEEP_LABELS[period] })}</span>
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
          <FormattedMessage id="settings.backups.save" />
        </button>
      </div>
    </form>
  );
}
