import { useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
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
  const transport = useTransport();
  const rotateAdminKey = useConnection((state) => state.rotateAdminKey);
  const status = useQuery('adminKey.status', {});
  const [rotated, setRotated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const rotate = async () => {
    setError(null);
    try {
      setRotated((await rotateAdminKey()).key);
    } catch (caught) {
      setError(describeError(caught));
      return;
    }
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
      <h2 id="admin-key-title">Admin API key</h2>
      <p className="muted">
        Scripts and the browser UI use this key. It is stored hashed, so Chatdock can show it only once, right
        after it is created.
      </p>
      {status.loading && !key && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {status.error && (
        <p className="form-error" role="alert">
          {status.error}
        </p>
      )}
      {revealed && (
        <RevealOnce label="New admin key" value={revealed} onDone={() => void acknowledge()}>
          {transport.kind === 'http'
            ? 'This browser already uses it; scripts and other browsers need it to sign in.'
            : 'Scripts and browsers need it to sign in.'}
        </RevealOnce>
      )}
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
          {key.managedByEnvironment ? (
            <p className="muted">
              This key is set by the <code>CHATDOCK_API_KEY</code> environment variable; change it there.
            </p>
          ) : (
            <div className="row">
              <ConfirmButton
                label="Rotate key…"
                question="Scripts and other browsers using the current key will stop working until they get the new one."
                confirmLabel="Rotate key"
                onConfirm={rotate}
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
