import { useQuery } from '../../hooks';
import { useConnection, useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { useState } from 'react';
import { FormattedMessage } from 'react-intl';

/** LAN access: off by default so only this PC can reach the API. */
export function NetworkSection() {
  const transport = useTransport();
  const appInfo = useConnection((state) => state.appInfo);
  const settings = useQuery('settings.get', {});
  const [error, setError] = useState<string | null>(null);

  const toggle = async (lanAccess: boolean) => {
    try {
      settings.setData(await transport.call('settings.update', { lanAccess }));
      setError(null);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const wantsLan = settings.data?.lanAccess ?? false;
  const boundToLan = appInfo?.boundHost === '0.0.0.0' || appInfo?.boundHost === '::';
  return (
    <section className="card" aria-labelledby="network-title">
      <h2 id="network-title">
        <FormattedMessage id="settings.network.title" />
      </h2>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={wantsLan}
          disabled={!settings.data}
          onChange={(event) => void toggle(event.target.checked)}
        />
        <span>
          <FormattedMessage id="settings.network.allowLan" />
        </span>
      </label>
      <p className="muted">
        <FormattedMessage id="settings.network.hint" />
        {settings.data && wantsLan !== boundToLan && (
          <>
            {' '}
            <strong>
              <FormattedMessage id="settings.network.restart" />
            </strong>
          </>
        )}
      </p>
      {error && <p className="form-error">{error}</p>}
    </section>
  );
}
