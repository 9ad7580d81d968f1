import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { MIN_PASSWORD_LENGTH } from '../../../src-shared/contract/constants/people';
import { Field } from '../../components/people/Field';
import { errorFor, formLevel, peopleError, type FieldError } from '../../components/people/people-errors';
import { useTransport } from '../../stores/connection';

/** Change my password: the current one, then the new one (its minimum length checked before sending). */
export function PasswordForm() {
  const intl = useIntl();
  const transport = useTransport();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [error, setError] = useState<FieldError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (newPassword.length < MIN_PASSWORD_LENGTH) {
      setError({
        field: 'newPassword',
        text: intl.formatMessage({ id: 'team.error.passwordTooShort' }, { min: MIN_PASSWORD_LENGTH }),
      });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await transport.call('users.changePassword', { currentPassword, newPassword });
      setCurrent('');
      setNew('');
      setDone(true);
    } catch (caught) {
      setError(peopleError(caught));
    } finally {
      setBusy(false);
    }
  };

  const general = formLevel(error, ['currentPassword', 'newPassword']);
  return (
    <section className="card" aria-labelledby="profile-password-title">
      <h2 id="profile-password-title">
        <FormattedMessage id="team.profile.passwordTitle" />
      </h2>
      <p className="muted">
        <FormattedMessage id="team.profile.passwordIntro" />
      </p>
      <form
        className="team-form"
        onSubmit={(event) => void submit(event)}
        aria-labelledby="profile-password-title"
      >
        <div className="team-form__grid">
          <Field
            label={intl.formatMessage({ id: 'team.profile.currentPassword' })}
            error={errorFor(error, 'currentPassword')}
          >
            {(props) => (
              <input
                {...props}
                type="password"
                name="currentPassword"
                autoComplete="current-password"
                value={currentPassword}
                onChange={(event) => setCurrent(event.target.value)}
              />
            )}
          </Field>
          <Field
            label={intl.formatMessage({ id: 'team.profile.newPassword' })}
            hint={intl.formatMessage({ id: 'team.people.passwordHint' }, { min: MIN_PASSWORD_LENGTH })}
            error={errorFor(error, 'newPassword')}
          >
            {(props) => (
              <input
                {...props}
                type="password"
                name="newPassword"
                autoComplete="new-password"
                value={newPassword}
                onChange={(event) => setNew(event.target.value)}
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
            <FormattedMessage id="team.profile.passwordChanged" />
          </p>
        )}
        <div className="row">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || !currentPassword || !newPassword}
          >
            <FormattedMessage id="team.profile.changePassword" />
          </button>
        </div>
      </form>
    </section>
  );
}
