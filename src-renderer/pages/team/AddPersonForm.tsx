import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  MIN_PASSWORD_LENGTH,
  USER_ROLES,
  type UserRole,
  type UserWithCode,
} from '../../../src-shared/contract/people';
import { useTransport } from '../../stores/connection';
import { errorFor, formLevel, peopleError, type FieldError } from '../../components/people/people-errors';
import { Field } from '../../components/people/Field';
import { ROLE_TEXT } from './role-text';

type How = 'code' | 'password';

/**
 * Adds a person: name, sign-in name, role, and either a password the owner sets now or a one-time
 * invite code (the default: no password travels between people) shown once by the caller.
 */
export function AddPersonForm({
  canMakeOwner,
  onAdded,
  onCancel,
}: {
  canMakeOwner: boolean;
  onAdded: (created: UserWithCode) => void;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const [name, setName] = useState('');
  const [login, setLogin] = useState('');
  const [role, setRole] = useState<UserRole>('agent');
  const [how, setHow] = useState<How>('code');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<FieldError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (how === 'password' && password.length < MIN_PASSWORD_LENGTH) {
      setError({
        field: 'password',
        text: intl.formatMessage({ id: 'team.error.passwordTooShort' }, { min: MIN_PASSWORD_LENGTH }),
      });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await transport.call('users.create', {
        name,
        login,
        role,
        ...(how === 'password' ? { password } : {}),
      });
      onAdded(created);
    } catch (caught) {
      setError(peopleError(caught));
    } finally {
      setBusy(false);
    }
  };

  const general = formLevel(error, ['name', 'login', 'role', 'password']);
  return (
    <form
      className="team-form"
      aria-label={intl.formatMessage({ id: 'team.people.addTitle' })}
      onSubmit={(event) => void submit(event)}
    >
      <h3>
        <FormattedMessage id="team.people.addTitle" />
      </h3>
      <div className="team-form__grid">
        <Field label={intl.formatMessage({ id: 'team.people.name' })} error={errorFor(error, 'name')}>
          {(props) => (
            <input
              {...props}
              name="name"
              autoComplete="off"
              value={name}
              maxLength={80}
              autoFocus
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field
          label={intl.formatMessage({ id: 'team.people.login' })}
          hint={intl.formatMessage({ id: 'team.people.loginHint' })}
          error={errorFor(error, 'login')}
        >
          {(props) => (
            <input
              {...props}
              name="login"
              autoComplete="off"
              value={login}
              maxLength={120}
              onChange={(event) => setLogin(event.target.value)}
            />
          )}
        </Field>
        <Field label={intl.formatMessage({ id: 'team.people.role' })} error={errorFor(error, 'role')}>
          {(props) => (
            <select
              {...props}
              name="role"
              value={role}
              onChange={(event) => setRole(event.target.value as UserRole)}
            >
              {USER_ROLES.filter((option) => canMakeOwner || option !== 'owner').map((option) => (
                <option key={option} value={option}>
                  {intl.formatMessage({ id: ROLE_TEXT[option].name })}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <p className="muted">{intl.formatMessage({ id: ROLE_TEXT[role].about })}</p>
      <fieldset className="choices">
        <legend className="field__label">
          <FormattedMessage id="team.people.howTitle" />
        </legend>
        <label className="checkbox">
          <input type="radio" name="how" checked={how === 'code'} onChange={() => setHow('code')} />
          <span>
            <FormattedMessage id="team.people.howCode" />
          </span>
        </label>
        <label className="checkbox">
          <input type="radio" name="how" checked={how === 'password'} onChange={() => setHow('password')} />
          <span>
            <FormattedMessage id="team.people.howPassword" />
          </span>
        </label>
      </fieldset>
      {how === 'password' && (
        <Field
          label={intl.formatMessage({ id: 'team.people.password' })}
          hint={intl.formatMessage({ id: 'team.people.passwordHint' }, { min: MIN_PASSWORD_LENGTH })}
          error={errorFor(error, 'password')}
        >
          {(props) => (
            <input
              {...props}
              type="password"
              name="password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
      )}
      {general && (
        <p className="form-error" role="alert">
          {general}
        </p>
      )}
      <div className="row">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || !name.trim() || !login.trim()}
        >
          <FormattedMessage id="team.people.add" />
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          <FormattedMessage id="common.cancel" />
        </button>
      </div>
    </form>
  );
}
