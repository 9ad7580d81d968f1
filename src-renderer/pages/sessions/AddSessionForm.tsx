import { useState, type FormEvent } from 'react';
import { useTransport } from '../../stores/connection';
import { useSessions } from '../../stores/sessions';
import { describeError } from '../../transport/rpc-error';
import { rememberNewKey } from './RotateSessionKey';

/** Creates a session and starts linking it right away (its card shows the QR code and, once, its API key). */
export function AddSessionForm({ onDone }: { onDone: () => void }) {
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
      aria-label="Add a WhatsApp number"
    >
      <label className="field">
        <span className="field__label">Name</span>
        <input
          autoFocus
          placeholder="e.g. Shop phone"
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
          {busy ? 'Creating…' : 'Create and show QR code'}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
