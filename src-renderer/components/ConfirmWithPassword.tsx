import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Confirmation } from '../../src-shared/contract/confirmation';
import { useMe } from '../stores/me';
import { describeError, describeFieldProblem, RpcError } from '../transport/rpc-error';

/**
 * Whether the caller confirms what cannot be undone with their password: a person signed in by
 * browser or on the desktop. The admin key and the desktop window with nobody chosen confirm with
 * the button alone (the server decides the same: services/access/confirmation.ts).
 */
export function useConfirmNeedsPassword(): boolean {
  const me = useMe((state) => state.principal);
  return me?.kind === 'user' && me.via !== 'token';
}

/**
 * A button for something that cannot be undone (deleting or logging out a number, rotating the
 * admin key, deleting a person, restoring a backup). The first click shows the question; a
 * signed-in person types their password again, and a wrong one is said beside the field with the
 * question still open. Other refusals go to `onError` (or show under the question). Esc cancels.
 */
export function ConfirmWithPasswordButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  onError,
  danger = true,
  disabled = false,
}: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  /** Runs the operation with `{ confirm: true, password? }`; throws when the server refuses. */
  onConfirm: (confirmation: Confirmation) => Promise<unknown>;
  onError?: (caught: unknown) => void;
  danger?: boolean;
  disabled?: boolean;
}) {
  const intl = useIntl();
  const needsPassword = useConfirmNeedsPassword();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [otherError, setOtherError] = useState<string | null>(null);
  const firstRef = useRef<HTMLInputElement & HTMLButtonElement>(null);
  const passwordId = useId();

  useEffect(() => {
    if (asking) firstRef.current?.focus();
  }, [asking]);

  const close = () => {
    setAsking(false);
    setPassword('');
    setPasswordError(null);
  };

  if (!asking) {
    return (
      <>
        <button
          type="button"
          className={`button button--secondary${danger ? ' button--danger-text' : ''}`}
          disabled={disabled}
          onClick={() => {
            setOtherError(null);
            setAsking(true);
          }}
        >
          {label}
        </button>
        {otherError && (
          <p className="form-error" role="alert">
            {otherError}
          </p>
        )}
      </>
    );
  }

  const confirm = async () => {
    if (needsPassword && !password) {
      setPasswordError(intl.formatMessage({ id: 'common.confirmPassword.required' }));
      firstRef.current?.focus();
      return;
    }
    setBusy(true);
    setPasswordError(null);
    setOtherError(null);
    try {
      await onConfirm(needsPassword ? { confirm: true, password } : { confirm: true });
      close();
    } catch (caught) {
      if (caught instanceof RpcError && caught.field === 'password') {
        setPasswordError(describeFieldProblem(caught));
        firstRef.current?.focus();
        return;
      }
      close();
      if (onError) onError(caught);
      else setOtherError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    // Not a <form>: the question may sit inside one (restoring a backup), and a nested form's
    // submit would reach the outer form's handler too. Enter in the password field confirms.
    <div
      className="confirm confirm--password"
      role="alertdialog"
      aria-label={label}
      onKeyDown={(event) => event.key === 'Escape' && close()}
    >
      <p>{question}</p>
      {needsPassword && (
        <label className="field" htmlFor={passwordId}>
          <span className="field__label">
            <FormattedMessage id="common.confirmPassword.label" />
          </span>
          <input
            ref={firstRef}
            id={passwordId}
            type="password"
            autoComplete="current-password"
            value={password}
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={passwordError ? `${passwordId}-error` : undefined}
            onChange={(event) => setPassword(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              void confirm();
            }}
          />
          {passwordError && (
            <span id={`${passwordId}-error`} className="form-error" role="alert">
              {passwordError}
            </span>
          )}
        </label>
      )}
      <div className="row">
        <button
          ref={needsPassword ? undefined : firstRef}
          type="button"
          className={danger ? 'button button--danger' : 'button button--primary'}
          disabled={busy}
          onClick={() => void confirm()}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={close}>
          <FormattedMessage id="common.cancel" />
        </button>
      </div>
    </div>
  );
}
