import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useTransport } from '../../stores/connection';
import { useSessions } from '../../stores/sessions';
import { describeError } from '../../transport/rpc-error';
import { rememberNewKey } from './RotateSessionKey';

/** Creates a session and starts linking it right away (its card shows the QR code and, once, its API key). */
export function AddSessionForm({ onDone }: { onDone: () => void }) {
  const intl = useIntl();
  const transport = useTransport();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await transport.call('sessions.create', name.trim() ? { name: name.trim() } : {});
      useSessions.getState().upsert(result.session);
      useSessions.getState().upsert(await transport.call('sessions.connect', { id: result.session.id }));
      // The QR code comes first; the key waits in the card's "For developers" section.
      rememberNewKey(result.session.id, result.apiKey);
      onDone();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card add-session"
      onSubmit={(event) => void submit(event)}
      aria-label={intl.formatMessage({ id: 'sessions.addForm.label' })}
    >
      <label className="field">
        <span className="field__label">
          <FormattedMessage id="sessions.addForm.name" />
        </span>
        <input
          autoFocus
          placeholder={intl.formatMessage({ id: 'sessions.addForm.namePlaceholder' })}
          maxLength={80}
          value={name}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => event.key === 'Escape' && onDone()}
        />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {intl.formatMessage({ id: busy ? 'sessions.addForm.creating' : 'sessions.addForm.create' })}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          <FormattedMessage id="common.cancel" />
        </button>
      </div>
    </form>
  );
}
