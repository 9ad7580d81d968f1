import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

/**
 * A button that asks before doing something that cannot be undone: the first click shows the
 * question with Confirm / Cancel; Esc cancels.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  danger = true,
  disabled = false,
}: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  danger?: boolean;
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button
        type="button"
        className="button button--secondary"
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-label={label}
      onKeyDown={(event) => event.key === 'Escape' && setAsking(false)}
    >
      <p>{question}</p>
      <div className="row">
        <button
          ref={confirmRef}
          type="button"
          className={danger ? 'button button--danger' : 'button button--primary'}
          disabled={busy}
          onClick={() => void confirm()}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
          <FormattedMessage id="common.cancel" />
        </button>
      </div>
    </div>
  );
}
