import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { Session } from '../../../src-shared/model';
import { ConfirmWithPasswordButton } from '../../components/ConfirmWithPassword';
import { useTransport } from '../../stores/connection';
import { useSessions } from '../../stores/sessions';
import { describeError } from '../../transport/rpc-error';
import { DeleteSessionButton } from './DeleteSessionButton';
import { PairingCodeForm } from './PairingCodeForm';
import { QrPanel } from './QrPanel';
import { RotatedSessionKey, RotateSessionKeyButton, useHasNewKey } from './RotateSessionKey';
import { SessionCalls } from './SessionCalls';
import { GroupPacingSwitch } from './GroupPacingSwitch';
import { SessionProfile } from './profile/SessionProfile';
import { SessionPrivacy } from './parity/SessionPrivacy';
import { formatPhone, reasonText, STATUS_LABEL } from './status-text';

export function SessionCard({ session }: { session: Session }) {
  const intl = useIntl();
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
    <article
      className="card session-card"
      aria-label={intl.formatMessage({ id: 'sessions.card.label' }, { name: session.name })}
      data-status={status}
    >
      <header className="session-card__header">
        <div>
          <h2 dir="auto">{session.name}</h2>
          <p className="muted">
            {session.phone ? (
              <>
                <bdi>{formatPhone(session.phone)}</bdi>
                {session.pushName && (
                  <>
                    {' · '}
                    <bdi>{session.pushName}</bdi>
                  </>
                )}
              </>
            ) : (
              <FormattedMessage id="sessions.card.notLinked" />
            )}
          </p>
        </div>
        <span
          className={`status status--${status}`}
          role="status"
          aria-label={intl.formatMessage(
            { id: 'sessions.card.statusLabel' },
            { status: intl.formatMessage({ id: STATUS_LABEL[status] }) },
          )}
        >
          {intl.formatMessage({ id: STATUS_LABEL[status] })}
        </span>
      </header>

      {reason && <p className="session-card__reason">{intl.formatMessage({ id: reason })}</p>}
      {session.reconnectAt && status === 'connecting' && (
        <p className="row muted">
          <FormattedMessage
            id="sessions.card.nextAttempt"
            values={{ time: intl.formatTime(session.reconnectAt, { timeStyle: 'medium' }) }}
          />
          <button type="button" className="button button--secondary" onClick={connect}>
            <FormattedMessage id="sessions.card.reconnectNow" />
          </button>
        </p>
      )}

      {linking && (
        <div className="session-card__linking">
          {byCode || status === 'pairing' ? <PairingCodeForm sessionId={id} /> : <QrPanel sessionId={id} />}
          {status === 'qr' && (
            <button type="button" className="link-button" onClick={() => setByCode(!byCode)}>
              {intl.formatMessage({ id: byCode ? 'sessions.card.useQr' : 'sessions.card.useCode' })}
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
            <FormattedMessage id="sessions.card.goToInbox" />
          </Link>
        )}
        {!active && (
          <button type="button" className="button button--primary" onClick={connect}>
            {intl.formatMessage({
              id:
                session.phone || status === 'disconnected'
                  ? session.phone
                    ? 'sessions.card.reconnect'
                    : 'sessions.card.connect'
                  : 'sessions.card.linkAgain',
            })}
          </button>
        )}
        {active && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void run(() => transport.call('sessions.disconnect', { id }))}
          >
            {intl.formatMessage({ id: linking ? 'sessions.card.cancelLinking' : 'sessions.card.disconnect' })}
          </button>
        )}
        {session.phone && (
          <ConfirmWithPasswordButton
            label={intl.formatMessage({ id: 'sessions.card.unlink' })}
            question={intl.formatMessage({ id: 'sessions.card.unlinkQuestion' })}
            confirmLabel={intl.formatMessage({ id: 'sessions.card.unlink' })}
            onConfirm={async (confirmation) => {
              useSessions.getState().upsert(await transport.call('sessions.logout', { id, ...confirmation }));
            }}
            onError={(caught) => setError(describeError(caught))}
          />
        )}
        <Link className="button button--secondary" to={`/settings/team/numbers/${encodeURIComponent(id)}`}>
          <FormattedMessage id="team.numbers.edit" />
        </Link>
        <DeleteSessionButton
          session={session}
          onDelete={async (keepHistory, confirmation) => {
            await transport.call('sessions.delete', { id, keepHistory, ...confirmation });
            useSessions.getState().remove(id);
          }}
          onError={(caught) => setError(describeError(caught))}
        />
      </div>
      <SessionProfile session={session} />
      <SessionPrivacy session={session} />
      <SessionCalls session={session} />
      <details className="session-card__developers" open={hasNewKey || undefined}>
        <summary>
          <FormattedMessage id="sessions.card.forDevelopers" />
        </summary>
        <p className="muted">
          <FormattedMessage
            id="sessions.card.developerIntro"
            values={{ id, path: `/api/v1/sessions/${id}/…`, code: (chunks) => <code>{chunks}</code> }}
          />
        </p>
        <GroupPacingSwitch sessionId={id} />
        <RotatedSessionKey session={session} />
        <RotateSessionKeyButton session={session} />
      </details>
    </article>
  );
}
