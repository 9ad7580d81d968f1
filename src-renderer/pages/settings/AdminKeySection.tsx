import { useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { useQuery } from '../../hooks';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';

/** The admin key: its prefix, the one-time reveal after creation or rotation, and rotation. */
export function AdminKeySection() {
  const transport = useTransport();
  const status = useQuery('adminKey.status', {});
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const rotate = async () => {
    setConfirming(false);
    try {
      await transport.call('adminKey.rotate', {});
      await status.reload();
      setError(null);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const acknowledge = async () => {
    status.setData(await transport.call('adminKey.acknowledge', {}));
  };

  const key = status.data;
  return (
    <section className="card" aria-labelledby="admin-key-title">
      <h2 id="admin-key-title">Admin API key</h2>
      <p className="muted">
        Scripts and the browser UI use this key. It is stored hashed, so Chatdock can show it only once, right
        after it is created.
      </p>
      {status.loading && !key && <p className="muted">Loading…</p>}
      {status.error && <p className="form-error">{status.error}</p>}
      {key && (
        <>
          <dl className="facts">
            <dt>Key</dt>
            <dd>
              <code>{key.prefix}…</code>
            </dd>
            <dt>Created</dt>
            <dd>{new Date(key.createdAt).toLocaleString()}</dd>
          </dl>
          {key.revealOnce && (
            <div className="reveal" role="region" aria-label="New admin key">
              <p>
                <strong>Copy the key now.</strong> It will not be shown again.
              </p>
              <code className="reveal__key" data-testid="revealed-key">
                {key.revealOnce}
              </code>
              <div className="row">
                <CopyButton text={key.revealOnce} label="Copy key" />
                <button type="button" className="button button--secondary" onClick={() => void acknowledge()}>
                  I have saved it
                </button>
              </div>
            </div>
          )}
          {key.managedByEnvironment ? (
            <p className="muted">
              This key is set by the <code>CHATDOCK_API_KEY</code> environment variable; change it there.
            </p>
          ) : confirming ? (
            <div className="confirm" role="alertdialog" aria-label="Rotate the admin key?">
              <p>Scripts and browsers using the current key will stop working until they get the new one.</p>
              <div className="row">
                <button type="button" className="button button--danger" onClick={() => void rotate()}>
                  Rotate key
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setConfirming(false)}
                >
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
              Rotate key…
            </button>
          )}
          {error && <p className="form-error">{error}</p>}
        </>
      )}
    </section>
  );
}
