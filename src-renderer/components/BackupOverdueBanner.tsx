import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { BackupStatus } from '../../src-shared/contract/backups';
import { useT } from '../i18n/use-t';
import { useConnection } from '../stores/connection';

/** The backup status is read again this often (the schedule is daily or weekly: minutes are fine). */
const RECHECK_MS = 10 * 60_000;

/**
 * Above every page: the last good backup is older than the schedule promises (or there is none
 * although a folder is chosen). Settings → Backups says why; this makes sure it is seen. Hidden
 * for callers that may not read backups (a key without the admin scope), and until the next
 * check once dismissed.
 */
export function BackupOverdueBanner() {
  const t = useT();
  const intl = useIntl();
  const transport = useConnection((state) => state.transport);
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    if (!transport) return;
    let alive = true;
    const check = () =>
      transport.call('backups.status', {}).then(
        (next) => {
          if (!alive) return;
          setStatus(next);
          setDismissed(false);
        },
        () => undefined, // Not allowed, or not reachable (the link banner says so): show nothing.
      );
    void check();
    const timer = setInterval(() => void check(), RECHECK_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [transport]);

  if (!status?.overdue || dismissed) return null;
  const { lastGood } = status;
  return (
    <div className="banner banner--warning" role="alert" aria-label={t('common.backupOverdue.label')}>
      {lastGood
        ? t('common.backupOverdue.old', {
            date: intl.formatDate(lastGood.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
          })
        : t('common.backupOverdue.none')}{' '}
      <Link to="/settings">{t('common.backupOverdue.open')}</Link>{' '}
      <button type="button" className="button button--secondary" onClick={() => setDismissed(true)}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
