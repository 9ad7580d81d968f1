import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useQuery } from '../../hooks';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { formatTime } from '../settings/time';

/** Where I am signed in: this browser marked; end one, or every other at once. */
export function SignInsSection() {
  const intl = useIntl();
  const transport = useTransport();
  const signIns = useQuery('signins.list', {});
  const [error, setError] = useState<string | null>(null);
  const [ended, setEnded] = useState<number | null>(null);

  const run = async (action: () => Promise<{ revoked: number }>) => {
    setError(null);
    try {
      const { revoked } = await action();
      setEnded(revoked);
      await signIns.reload();
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const items = signIns.data?.items ?? [];
  const others = items.filter((item) => !item.current).length;
  return (
    <section className="card" aria-labelledby="profile-signins-title">
      <h2 id="profile-signins-title">
        <FormattedMessage id="team.profile.signInsTitle" />
      </h2>
      <p className="muted">
        <FormattedMessage id="team.profile.signInsIntro" />
      </p>
      {signIns.loading && !signIns.data && (
        <p className="muted" role="status">
          <FormattedMessage id="team.loading" />
        </p>
      )}
      {(signIns.error ?? error) && (
        <p className="form-error" role="alert">
          {signIns.error ?? error}
        </p>
      )}
      {ended !== null && (
        <p className="muted" role="status">
          <FormattedMessage id="team.profile.signInsEnded" values={{ count: ended }} />
        </p>
      )}
      {signIns.data && items.length === 0 && (
        <p className="muted">
          <FormattedMessage id="team.profile.signInsEmpty" />
        </p>
      )}
      <ul className="team-list">
        {items.map((item) => (
          <li key={item.id} className="team-list__item" data-current={item.current ? 'true' : 'false'}>
            <div>
              <strong dir="auto">
                {item.userAgent ?? intl.formatMessage({ id: 'team.profile.unknownBrowser' })}
              </strong>{' '}
              {item.current && (
                <span className="pill pill--succeeded">
                  <FormattedMessage id="team.profile.thisBrowser" />
                </span>
              )}
              <p className="muted">
                <FormattedMessage
                  id="team.profile.signInDetail"
                  values={{
                    address: item.address ?? '—',
                    since: formatTime(item.createdAt),
                    seen: formatTime(item.lastSeenAt),
                  }}
                />
              </p>
            </div>
            {!item.current && (
              <ConfirmButton
                label={intl.formatMessage({ id: 'team.profile.signOutThere' })}
                question={intl.formatMessage({ id: 'team.profile.signOutThereQuestion' })}
                confirmLabel={intl.formatMessage({ id: 'team.profile.signOutThere' })}
                onConfirm={() => run(() => transport.call('signins.revoke', { id: item.id }))}
              />
            )}
          </li>
        ))}
      </ul>
      {others > 0 && (
        <ConfirmButton
          label={intl.formatMessage({ id: 'team.profile.signOutOthers' })}
          question={intl.formatMessage({ id: 'team.profile.signOutOthersQuestion' }, { count: others })}
          confirmLabel={intl.formatMessage({ id: 'team.profile.signOutOthers' })}
          onConfirm={() => run(() => transport.call('signins.revokeOthers', {}))}
        />
      )}
    </section>
  );
}
