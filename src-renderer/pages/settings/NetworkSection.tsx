import { useQuery } from '../../hooks';
import { useConnection, useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { useState } from 'react';

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
      <h2 id="network-title">Network</h2>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={wantsLan}
          disabled={!settings.data}
          onChange={(event) => void toggle(event.target.checked)}
        />
        <span>Allow other computers on the local network to use the API</span>
      </label>
      <p className="muted">
        Off, the API answers only on this PC (127.0.0.1). Every request still needs a key.
        {settings.data && wantsLan !== boundToLan && (
          <strong> Restart Chatdock for this to take effect.</strong>
        )}
      </p>
      {error && <p className="form-error">{error}</p>}
    </section>
  );
}
