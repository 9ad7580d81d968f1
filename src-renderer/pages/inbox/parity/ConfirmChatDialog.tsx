import { useId, useState, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { describeError } from '../../../transport/rpc-error';
import { useModalDialog } from '../../../components/use-modal-dialog';

/**
 * A modal question before clearing or deleting a chat or blocking a contact: says what happens
 * (also on the phone), runs the action on Confirm, and shows a refusal inside the dialog. Esc or
 * Cancel closes it without doing anything.
 */
export function ConfirmChatDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  title: ReactNode;
  children: ReactNode;
  confirmLabel: ReactNode;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const ref = useModalDialog();
  const ids = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="inbox-dialog"
      role="alertdialog"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-text`}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id={`${ids}-title`}>{title}</h2>
      <p id={`${ids}-text`}>{children}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="row inbox-dialog__actions">
        <button type="button" className="button button--secondary" disabled={busy} onClick={onClose}>
          <FormattedMessage id="inbox-parity.confirm.cancel" />
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={() => void confirm()}
        >
          {busy ? <FormattedMessage id="inbox-parity.confirm.working" /> : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
