import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Field } from '../../components/people/Field';
import { errorFor, formLevel, peopleError, type FieldError } from '../../components/people/people-errors';
import { useTransport } from '../../stores/connection';
import { useMe } from '../../stores/me';

/** My desktop PIN (4 to 8 digits) for the "who is using this PC" switcher; asks for my password. */
export function PinForm({ hasPin }: { hasPin: boolean }) {
  const intl = useIntl();
  const transport = useTransport();
  const [currentPassword, setCurrent] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<FieldError | null>(null);
  const [done, setDone] = useState<'set' | 'removed' | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (next: string | null) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await transport.call('users.setPin', { currentPassword, pin: next });
      setCurrent('');
      setPin('');
      setDone(next === null ? 'removed' : 'set');
      await useMe.getState().refresh();
    } catch (caught) {
      setError(peopleError(caught));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4,8}$/.test(pin)) {
      setError({ field: 'pin', text: intl.formatMessage({ id: 'team.error.pin' }) });
      return;
    }
    void send(pin);
  };

  const general = formLevel(error, ['currentPassword', 'pin']);
  return (
    <section className="card" aria-labelledby="profile-pin-title">
      <h2 id="profile-pin-title">
        <FormattedMessage id="team.profile.pinTitle" />
      </h2>
      <p className="muted">
        <FormattedMessage id={hasPin ? 'team.profile.pinIsSet' : 'team.profile.pinIntro'} />
      </p>
      <form className="team-form" onSubmit={submit} aria-labelledby="profile-pin-title">
        <div className="team-form__grid">
          <Field label={intl.formatMessage({ id: 'team.profile.pin' })} error={errorFor(error, 'pin')}>
            {(props) => (
              <input
                {...props}
                type="password"
                name="pin"
                inputMode="numeric"
                autoComplete="off"
                maxLength={8}
                value={pin}
                onChange={(event) => setPin(event.target.value)}
              />
            )}
          </Field>
          <Field
            label={intl.formatMessage({ id: 'team.profile.currentPassword' })}
            error={errorFor(error, 'currentPassword')}
          >
            {(props) => (
              <input
                {...props}
                type="password"
                name="pinPassword"
                autoComplete="current-password"
                value={currentPassword}
                onChange={(event) => setCurrent(event.target.value)}
              />
            )}
          </Field>
        </div>
        {general && (
          <p className="form-error" role="alert">
            {general}
          </p>
        )}
        {done && (
          <p className="muted" role="status">
            <FormattedMessage id={done === 'set' ? 'team.profile.pinSaved' : 'team.profile.pinRemoved'} />
          </p>
        )}
        <div className="row">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || !currentPassword || !pin}
          >
            <FormattedMessage id="team.profile.setPin" />
          </button>
          {hasPin && (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy || !currentPassword}
              onClick={() => void send(null)}
            >
              <FormattedMessage id="team.profile.removePin" />
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
