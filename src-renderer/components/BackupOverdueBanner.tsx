import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { BackupStatus } from '../../src-shared/contract/backups';
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
    <div className="banner banner--warning" role="alert" aria-label="Backup overdue">
      {lastGood
        ? `The last good backup is from ${new Date(lastGood.createdAt).toLocaleString()}, older than the schedule promises.`
        : 'No backup has been made yet, although a backup folder is chosen.'}{' '}
      <Link to="/settings">Open Settings → Backups</Link>{' '}
      <button type="button" className="button button--secondary" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </div>
  );
}
