import { useState, type FormEvent } from 'react';
import { RevealOnce } from '../../components/RevealOnce';
import { useTransport } from '../../stores/connection';
import { useSessions } from '../../stores/sessions';
import { describeError } from '../../transport/rpc-error';

/** Creates a session and starts linking it right away; shows its API key once. */
export function AddSessionForm({ onDone }: { onDone: () => void }) {
  const transport = useTransport();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: string; apiKey: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await transport.call('sessions.create', name.trim() ? { name: name.trim() } : {});
      useSessions.getState().upsert(result.session);
      useSessions.getState().upsert(await transport.call('sessions.connect', { id: result.session.id }));
      setCreated({ id: result.session.id, apiKey: result.apiKey });
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <RevealOnce label="New session key" value={created.apiKey} onDone={onDone}>
        Session <code>{created.id}</code> is ready; scan its QR code below. Scripts can use this key for this
        number only.
      </RevealOnce>
    );
  }

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
