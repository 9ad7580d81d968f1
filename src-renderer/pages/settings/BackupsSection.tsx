import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from '../../hooks';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { backupPercent, formatBytes } from './backup-format';
import { BackupSettingsForm } from './BackupSettingsForm';
import { BackupState } from './BackupState';
import { RestoreFromBackup } from './RestoreFromBackup';
import '../../styles/backups.css';

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
        <summary>
          <FormattedMessage id="settings.backups.restoreSummary" />
        </summary>
        <RestoreFromBackup replacing={(sessions.data?.length ?? 0) > 0} />
      </details>
    </section>
  );
}
