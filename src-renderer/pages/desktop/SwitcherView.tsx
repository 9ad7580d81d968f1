import type { FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { DesktopPerson } from '../../../src-shared/contract/desktop';
import type { SwitchRefusal } from '../../model/desktop/switch-error';
import '../../styles/desktop.css';

export interface SwitcherViewProps {
  /** Null while loading. */
  people: DesktopPerson[] | null;
  loadError: string | null;
  chosen: DesktopPerson | null;
  secret: string;
  refusal: SwitchRefusal | null;
  busy: boolean;
  onChoose(person: DesktopPerson | null): void;
  onSecret(secret: string): void;
  onSubmit(): void;
  onRetry(): void;
}

/**
 * The desktop window's "who is using this PC": everyone who may use it as a button (a tile on a
 * wide window, a row on a narrow one), then the chosen person's PIN or password. Drawn from props
 * only, so its states are tested without a window.
 */
export function SwitcherView(props: SwitcherViewProps) {
  const intl = useIntl();
  const { people, chosen, refusal } = props;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <main className="login">
      <section className="login__card desktop-switcher" aria-labelledby="switcher-title">
        <div className="login__logo" aria-hidden="true">
          C
        </div>
        <h1 id="switcher-title">
          <FormattedMessage id="desktop.switcher.title" />
        </h1>
        {props.loadError ? (
          <div role="alert" className="form-error">
            <p>{props.loadError}</p>
            <button type="button" className="button" onClick={props.onRetry}>
              <FormattedMessage id="desktop.switcher.retry" />
            </button>
          </div>
        ) : people === null ? (
          <p className="muted" role="status">
            <FormattedMessage id="desktop.switcher.loading" />
          </p>
        ) : people.length === 0 ? (
          <p className="muted">
            <FormattedMessage id="desktop.switcher.empty" />
          </p>
        ) : chosen ? (
          <form className="stack" onSubmit={submit}>
            <p className="desktop-switcher__chosen" dir="auto">
              {chosen.name}
            </p>
            <label className="field">
              <span className="field__label">
                <FormattedMessage id={chosen.hasPin ? 'desktop.switcher.pin' : 'desktop.switcher.password'} />
              </span>
              <input
                type="password"
                name="secret"
                autoFocus
                autoComplete={chosen.hasPin ? 'off' : 'current-password'}
                inputMode={chosen.hasPin ? 'numeric' : undefined}
                value={props.secret}
                onChange={(event) => props.onSecret(event.target.value)}
                aria-invalid={refusal ? true : undefined}
                aria-describedby={refusal ? 'switcher-error' : undefined}
              />
              {refusal && (
                <span className="field-error" id="switcher-error" role="alert">
                  {intl.formatMessage(
                    { id: refusal.id },
                    refusal.id === 'desktop.switcher.tooMany' ? { seconds: refusal.seconds } : {},
                  )}
                </span>
              )}
            </label>
            <div className="row">
              <button type="submit" className="button button--primary" disabled={props.busy || !props.secret}>
                <FormattedMessage id="desktop.switcher.continue" />
              </button>
              <button type="button" className="button" onClick={() => props.onChoose(null)}>
                <FormattedMessage id="desktop.switcher.someoneElse" />
              </button>
            </div>
          </form>
        ) : (
          <>
            <p className="muted">
              <FormattedMessage id="desktop.switcher.hint" />
            </p>
            <ul
              className="desktop-switcher__people"
              aria-label={intl.formatMessage({ id: 'desktop.switcher.people' })}
            >
              {people.map((person) => (
                <li key={person.id}>
                  <button
                    type="button"
                    className="desktop-switcher__person"
                    onClick={() => props.onChoose(person)}
                  >
                    <span className="desktop-switcher__initial" aria-hidden="true">
                      {person.name.slice(0, 1).toUpperCase()}
                    </span>
                    <span dir="auto">{person.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </main>
  );
}
