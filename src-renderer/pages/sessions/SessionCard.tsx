import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Session } from '../../../src-shared/model';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useTransport } from '../../stores/connection';
import { useSessions } from '../../stores/sessions';
import { describeError } from '../../transport/rpc-error';
import { DeleteSessionButton } from './DeleteSessionButton';
import { PairingCodeForm } from './PairingCodeForm';
import { QrPanel } from './QrPanel';
import { RotatedSessionKey, RotateSessionKeyButton, useHasNewKey } from './RotateSessionKey';
import { SessionCalls } from './SessionCalls';
import { formatPhone, reasonText, STATUS_LABEL } from './status-text';

export function SessionCard({ session }: { session: Session }) {
  const transport = useTransport();
  const [error, setError] = useState<string | null>(null);
  const [byCode, setByCode] = useState(false);

  /** Runs a command; the card updates from its answer and from the events that follow. */
  const run = async (action: () => Promise<Session | null>) => {
    setError(null);
    try {
      const updated = await action();
      if (updated) useSessions.getState().upsert(updated);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const { id, status } = session;
  const linking = status === 'qr' || status === 'pairing';
  const active = status === 'connected' || status === 'connecting' || linking;
  const reason = reasonText(session);
  const hasNewKey = useHasNewKey(id);

  const connect = () => void run(() => transport.call('sessions.connect', { id }));
  return (
    <article className="card session-card" aria-label={`Session ${session.name}`} data-status={status}>
      <header className="session-card__header">
        <div>
          <h2>{session.name}</h2>
          <p className="muted">
            {session.phone ? (
              <>
                {formatPhone(session.phone)}
                {session.pushName && <> · {session.pushName}</>}
              </>
            ) : (
              'Not linked to a phone yet'
            )}
          </p>
        </div>
        <span
          className={`status status--${status}`}
          role="status"
          aria-label={`Status: ${STATUS_LABEL[status]}`}
        >
          {STATUS_LABEL[status]}
        </span>
      </header>

      {reason && <p className="session-card__reason">{reason}</p>}
      {session.reconnectAt && status === 'connecting' && (
        <p className="row muted">
          Next attempt at {new Date(session.reconnectAt).toLocaleTimeString()}.
          <button type="button" className="button button--secondary" onClick={connect}>
            Reconnect now
          </button>
        </p>
      )}

      {linking && (
        <div className="session-card__linking">
          {byCode || status === 'pairing' ? <PairingCodeForm sessionId={id} /> : <QrPanel sessionId={id} />}
          {status === 'qr' && (
            <button type="button" className="link-button" onClick={() => setByCode(!byCode)}>
              {byCode ? 'Scan a QR code instead' : 'Link with a phone number instead'}
            </button>
          )}
        </div>
      )}

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      <div className="row">
        {status === 'connected' && (
          <Link className="button button--primary" to="/inbox">
            Go to the inbox
          </Link>
        )}
        {!active && (
          <button type="button" className="button button--primary" onClick={connect}>
            {session.phone || status === 'disconnected'
              ? session.phone
                ? 'Reconnect'
                : 'Connect'
              : 'Link again'}
          </button>
        )}
        {active && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void run(() => transport.call('sessions.disconnect', { id }))}
          >
            {linking ? 'Cancel linking' : 'Disconnect'}
          </button>
        )}
        {session.phone && (
          <ConfirmButton
            label="Unlink from phone"
            question="Unlink this number from Chatdock? WhatsApp on the phone lists Chatdock under Linked devices until then; to use the number here again you scan a new QR code."
            confirmLabel="Unlink from phone"
            onConfirm={() => run(() => transport.call('sessions.logout', { id }))}
          />
        )}
        <DeleteSessionButton
          session={session}
          onDelete={(keepHistory) =>
            run(async () => {
              await transport.call('sessions.delete', { id, keepHistory });
              useSessions.getState().remove(id);
              return null;
            })
          }
        />
      </div>
      <SessionCalls session={session} />
      <details className="session-card__developers" open={hasNewKey || undefined}>
        <summary>For developers</summary>
        <p className="muted">
          Session id <code>{id}</code>, for the API (<code>/api/v1/sessions/{id}/…</code>). Its API key works
          for this number only.
        </p>
        <RotatedSessionKey session={session} />
        <RotateSessionKeyButton session={session} />
      </details>
    </article>
  );
}
