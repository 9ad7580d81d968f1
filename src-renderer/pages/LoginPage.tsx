import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MessageId } from '../i18n/messages/en';
import { useConnection } from '../stores/connection';
import { MIN_PASSWORD_LENGTH } from '../../src-shared/contract/constants/people';

type Mode = 'person' | 'key' | 'setup' | 'code';

/**
 * The browser's way in: a person's sign-in name and password (the session cookie), or, for
 * developers, the admin API key. On first run (nobody has an account yet) it asks for the setup
 * code printed in the terminal and creates the owner's account. A person who was invited (or whose
 * password was reset) chooses their password with the one-time code the owner gave them ("I have
 * a code"). The desktop app needs none.
 */
export function LoginPage() {
  const connection = useConnection();
  const { loginError } = connection;
  const [mode, setMode] = useState<Mode>('person');
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState({
    key: '',
    login: '',
    password: '',
    name: '',
    setupCode: '',
    code: '',
    newPassword: '',
  });
  const [remember, setRemember] = useState(true);
  const intl = useIntl();

  useEffect(() => {
    let cancelled = false;
    void connection.setupNeeded().then((needed) => {
      // Only while the person form is still shown: a click on "Use an API key" wins.
      if (!cancelled && needed) setMode((current) => (current === 'person' ? 'setup' : current));
    });
    return () => {
      cancelled = true;
    };
    // Asked once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    if (mode === 'key') await connection.login(fields.key, remember);
    else if (mode === 'person') await connection.signIn(fields.login, fields.password);
    else if (mode === 'code') await connection.acceptCode(fields);
    else await connection.setupOwner(fields);
    setBusy(false);
  };

  const field = (
    name: keyof typeof fields,
    label: MessageId,
    type: string,
    autoComplete: string,
    autoFocus = false,
  ): ReactNode => (
    <label className="field">
      <span className="field__label">
        <FormattedMessage id={label} />
      </span>
      <input
        type={type}
        name={name}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        value={fields[name]}
        onChange={(event) => setFields({ ...fields, [name]: event.target.value })}
        aria-invalid={loginError ? true : undefined}
        aria-describedby={loginError ? 'login-error' : undefined}
      />
    </label>
  );

  return (
    <main className="login">
      <form className="login__card" onSubmit={(event) => void submit(event)} aria-labelledby="login-title">
        <div className="login__logo" aria-hidden="true">
          C
        </div>
        <h1 id="login-title">
          <FormattedMessage id="login.title" />
        </h1>
        {mode === 'key' && (
          <>
            <p className="muted">
              <FormattedMessage id="login.hint" values={{ variable: <code>CHATDOCK_API_KEY</code> }} />
            </p>
            {field('key', 'login.keyLabel', 'password', 'current-password', true)}
            <label className="checkbox">
              <input
                type="checkbox"
                checked={remember}
                onChange={(event) => setRemember(event.target.checked)}
              />
              <span>
                <FormattedMessage id="login.remember" />
              </span>
            </label>
          </>
        )}
        {mode === 'person' && (
          <>
            <p className="muted">
              <FormattedMessage id="login.personHint" />
            </p>
            {field('login', 'login.nameLabel', 'text', 'username', true)}
            {field('password', 'login.passwordLabel', 'password', 'current-password')}
          </>
        )}
        {mode === 'code' && (
          <>
            <h2>
              <FormattedMessage id="login.codeTitle" />
            </h2>
            <p className="muted">
              <FormattedMessage id="login.codeHint" values={{ min: MIN_PASSWORD_LENGTH }} />
            </p>
            {field('login', 'login.nameLabel', 'text', 'username', true)}
            {field('code', 'login.codeLabel', 'text', 'one-time-code')}
            {field('newPassword', 'login.newPasswordLabel', 'password', 'new-password')}
          </>
        )}
        {mode === 'setup' && (
          <>
            <h2>
              <FormattedMessage id="login.setupTitle" />
            </h2>
            <p className="muted">
              <FormattedMessage id="login.setupHint" />
            </p>
            {field('setupCode', 'login.setupCodeLabel', 'text', 'one-time-code', true)}
            {field('name', 'login.displayNameLabel', 'text', 'name')}
            {field('login', 'login.nameLabel', 'text', 'username')}
            {field('password', 'login.passwordLabel', 'password', 'new-password')}
          </>
        )}
        {loginError && (
          <p id="login-error" className="form-error" role="alert">
            {loginError}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {intl.formatMessage({
            id: busy
              ? 'login.signingIn'
              : mode === 'setup'
                ? 'login.create'
                : mode === 'code'
                  ? 'login.codeSubmit'
                  : 'login.signIn',
          })}
        </button>
        {mode === 'person' && (
          <button type="button" className="button button--secondary" onClick={() => setMode('code')}>
            <FormattedMessage id="login.haveCode" />
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setMode(mode === 'key' || mode === 'code' ? 'person' : 'key')}
        >
          <FormattedMessage id={mode === 'key' || mode === 'code' ? 'login.usePassword' : 'login.useKey'} />
        </button>
      </form>
    </main>
  );
}
