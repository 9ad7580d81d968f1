import { FormattedMessage, useIntl } from 'react-intl';
import { useState, type FormEvent } from 'react';
import { useTransport } from '../../stores/connection';
import { useSessions } from '../../stores/sessions';
import { describeError, RpcError } from '../../transport/rpc-error';

/** Linking by phone number: WhatsApp notifies the phone, where the user types this code. */
export function PairingCodeForm({ sessionId }: { sessionId: string }) {
  const intl = useIntl();
  const transport = useTransport();
  const code = useSessions((state) => state.pairingCode[sessionId] ?? null);
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await transport.call('sessions.pairingCode', { id: sessionId, phone });
      useSessions.getState().applyStatus({ session: result.session, qr: null, pairingCode: result.code });
    } catch (caught) {
      setError({
        message: describeError(caught),
        field: caught instanceof RpcError ? caught.field : undefined,
      });
    } finally {
      setBusy(false);
    }
  };

  if (code) {
    return (
      <div className="pairing">
        <p>
          <FormattedMessage id="sessions.pairing.instructions" />
        </p>
        <output
          className="pairing__code"
          aria-label={intl.formatMessage({ id: 'sessions.pairing.code' })}
          dir="ltr"
        >
          {code.slice(0, 4)}-{code.slice(4)}
        </output>
      </div>
    );
  }
  return (
    <form className="pairing" onSubmit={(event) => void submit(event)}>
      <label className="field">
        <span className="field__label">
          <FormattedMessage id="sessions.pairing.phone" />
        </span>
        <input
          type="tel"
          placeholder="+972 50-123-4567"
          dir="ltr"
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          aria-invalid={error?.field === 'phone' ? true : undefined}
        />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <button type="submit" className="button button--secondary" disabled={busy || !phone.trim()}>
        {intl.formatMessage({ id: busy ? 'sessions.pairing.requesting' : 'sessions.pairing.get' })}
      </button>
    </form>
  );
}
