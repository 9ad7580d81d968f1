import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  BACKUP_SCHEDULES,
  MIN_BACKUP_PASSPHRASE,
  type BackupSchedule,
  type BackupStatus,
} from '../../../src-shared/contract/backups';
import type { MessageId } from '../../i18n/messages/en';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';

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

/** Where backups go, the passphrase that encrypts them, how often they are made and how many are kept. */
export function BackupSettingsForm({
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
