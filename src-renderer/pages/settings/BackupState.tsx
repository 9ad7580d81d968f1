import { FormattedMessage, useIntl } from 'react-intl';
import type { BackupStatus } from '../../../src-shared/contract/backups';
import { formatBytes } from './backup-format';
import { formatTime } from './time';

/** The last good backup, the next one due, a warning when overdue, the last failure and the files kept. */
export function BackupState({ status }: { status: BackupStatus }) {
  const intl = useIntl();
  const { lastGood, lastError, overdue, settings, nextDueAt, files } = status;
  return (
    <>
      {status.restorePending && (
        <p className="backup-warning" role="status">
          <FormattedMessage id="settings.backups.restorePending" />
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
