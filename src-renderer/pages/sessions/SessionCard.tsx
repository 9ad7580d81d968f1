import { useState } from 'react';
import type { Session } from '../../../src-shared/model';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useTransport } from '../../stores/connection';
import { useSessions } from '../../stores/sessions';
import { describeError } from '../../transport/rpc-error';
import { DeleteSessionButton } from './DeleteSessionButton';
import { PairingCodeForm } from './PairingCodeForm';
import { QrPanel } from './QrPanel';
import { RotatedSessionKey, RotateSessionKeyButton } from './RotateSessionKey';
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
              <>id: {id}</>
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
        <p className="muted">Next attempt at {new Date(session.reconnectAt).toLocaleTimeString()}.</p>
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
        {!active && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void run(() => transport.call('sessions.connect', { id }))}
          >
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
        <RotateSessionKeyButton session={session} />
        {session.phone && (
          <ConfirmButton
            label="Log out"
            question="Unlink this number from Chatdock? You will need to scan a new QR code to use it again."
            confirmLabel="Log out"
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
      <RotatedSessionKey session={session} />
      <SessionCalls session={session} />
    </article>
  );
}
