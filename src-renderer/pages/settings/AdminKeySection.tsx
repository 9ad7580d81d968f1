import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Confirmation } from '../../../src-shared/contract/confirmation';
import { ConfirmWithPasswordButton } from '../../components/ConfirmWithPassword';
import { RevealOnce } from '../../components/RevealOnce';
import { useQuery } from '../../hooks';
import { useConnection, useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';

/**
 * The admin key: its prefix, the one-time reveal after creation or rotation, and rotation. In a
 * browser, rotating switches this window to the new key (stored where the old one was), so the
 * UI keeps working; other scripts and browsers need the new key.
 */
export function AdminKeySection() {
  const intl = useIntl();
  const transport = useTransport();
  const rotateAdminKey = useConnection((state) => state.rotateAdminKey);
  const status = useQuery('adminKey.status', {});
  const [rotated, setRotated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const rotate = async (confirmation: Confirmation) => {
    setError(null);
    setRotated((await rotateAdminKey(confirmation)).key);
    await status.reload();
  };

  const acknowledge = async () => {
    try {
      status.setData(await transport.call('adminKey.acknowledge', {}));
      setRotated(null);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const key = status.data;
  const revealed = rotated ?? key?.revealOnce ?? null;
  return (
    <section className="card" aria-labelledby="admin-key-title">
      <h2 id="admin-key-title">
        <FormattedMessage id="settings.adminKey.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="settings.adminKey.intro" />
      </p>
      {status.loading && !key && (
        <p className="muted" role="status">
          <FormattedMessage id="common.loading" />
        </p>
      )}
      {status.error && (
        <p className="form-error" role="alert">
          {status.error}
        </p>
      )}
      {revealed && (
        <RevealOnce
          label={intl.formatMessage({ id: 'settings.adminKey.newKey' })}
          value={revealed}
          onDone={() => void acknowledge()}
        >
          {intl.formatMessage({
            id: transport.kind === 'http' ? 'settings.adminKey.usedHere' : 'settings.adminKey.needed',
          })}
        </RevealOnce>
      )}
      {key && (
        <>
          <dl className="facts">
            <dt>
              <FormattedMessage id="settings.adminKey.key" />
            </dt>
            <dd>
              <code>{key.prefix}…</code>
            </dd>
            <dt>
              <FormattedMessage id="settings.adminKey.created" />
            </dt>
            <dd>{intl.formatDate(key.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</dd>
          </dl>
          {key.managedByEnvironment ? (
            <p className="muted">
              <FormattedMessage
                id="settings.adminKey.fromEnvironment"
                values={{ variable: <code>CHATDOCK_API_KEY</code> }}
              />
            </p>
          ) : (
            <div className="row">
              <ConfirmWithPasswordButton
                label={intl.formatMessage({ id: 'settings.adminKey.rotate' })}
                question={intl.formatMessage({ id: 'settings.adminKey.rotateQuestion' })}
                confirmLabel={intl.formatMessage({ id: 'settings.adminKey.rotateConfirm' })}
                onConfirm={rotate}
                onError={(caught) => setError(describeError(caught))}
              />
            </div>
          )}
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
