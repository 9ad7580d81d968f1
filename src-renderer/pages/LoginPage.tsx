import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useConnection } from '../stores/connection';

/** The browser's way in: the admin API key (the desktop app needs none). */
export function LoginPage() {
  const login = useConnection((state) => state.login);
  const loginError = useConnection((state) => state.loginError);
  const [key, setKey] = useState('');
  const [remember, setRemember] = useState(true);
  const [busy, setBusy] = useState(false);
  const intl = useIntl();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    await login(key, remember);
    setBusy(false);
  };

  return (
    <main className="login">
      <form className="login__card" onSubmit={(event) => void submit(event)} aria-labelledby="login-title">
        <div className="login__logo" aria-hidden="true">
          C
        </div>
        <h1 id="login-title">
          <FormattedMessage id="login.title" />
        </h1>
        <p className="muted">
          <FormattedMessage id="login.hint" values={{ variable: <code>CHATDOCK_API_KEY</code> }} />
        </p>
        <label className="field">
          <span className="field__label">
            <FormattedMessage id="login.keyLabel" />
          </span>
          <input
            type="password"
            name="apiKey"
            autoComplete="current-password"
            autoFocus
            value={key}
            onChange={(event) => setKey(event.target.value)}
            aria-invalid={loginError ? true : undefined}
            aria-describedby={loginError ? 'login-error' : undefined}
          />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
          <span>
            <FormattedMessage id="login.remember" />
          </span>
        </label>
        {loginError && (
          <p id="login-error" className="form-error" role="alert">
            {loginError}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {intl.formatMessage({ id: busy ? 'login.signingIn' : 'login.signIn' })}
        </button>
      </form>
    </main>
  );
}
