import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { offlineNotice } from '../../../model/offline-notice';
import { useTransport } from '../../../stores/connection';
import { useSessions } from '../../../stores/sessions';
import { describeError } from '../../../transport/rpc-error';

/**
 * "Bakery front desk is offline — reconnecting in 12 s · Reconnect now", for each linked number
 * among `sessions` (all when omitted) that is not connected. Shown above the chat list and in
 * the conversations of that number, so nobody learns it from a failed send.
 */
export function OfflineBanner({ sessions: only }: { sessions?: string[] }) {
  const intl = useIntl();
  const transport = useTransport();
  const sessions = useSessions((state) => state.sessions);
  const [now, setNow] = useState(() => Date.now());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const notices = sessions
    .filter((s) => !only || only.includes(s.id))
    .flatMap((s) => {
      const notice = offlineNotice(s, now);
      return notice ? [notice] : [];
    });
  const counting = sessions.some((s) => s.status === 'connecting' && s.reconnectAt);

  useEffect(() => {
    if (!counting) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [counting]);

  if (notices.length === 0) return null;
  const reconnect = (id: string) => {
    setErrors(({ [id]: _, ...rest }) => rest);
    transport
      .call('sessions.connect', { id })
      .then((session) => useSessions.getState().upsert(session))
      .catch((caught: unknown) => setErrors((current) => ({ ...current, [id]: describeError(caught) })));
  };
  return (
    <div className="offline-banners">
      {notices.map((notice) => (
        <div key={notice.session} className="offline-banner" role="status">
          <span>
            {intl.formatMessage(
              { id: notice.message.id },
              { ...notice.message.values, name: <bdi key="name">{notice.message.values.name}</bdi> },
            )}
          </span>
          {notice.canReconnect ? (
            <button type="button" className="link-button" onClick={() => reconnect(notice.session)}>
              <FormattedMessage id="inbox.offline.reconnect" />
            </button>
          ) : (
            <Link to="/sessions">
              <FormattedMessage id="inbox.offline.openSessions" />
            </Link>
          )}
          {errors[notice.session] && (
            <span className="offline-banner__error" role="alert">
              {errors[notice.session]}
            </span>
          )}
        </div>
      ))}
    </div>
  );
}
