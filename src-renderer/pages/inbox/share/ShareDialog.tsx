import { useId, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { SendMessageInput } from '../../../../src-shared/send-schemas';
import { useTransport } from '../../../stores/connection';
import { useConversation } from '../../../stores/conversation';
import { useModalDialog } from '../../../components/use-modal-dialog';

/**
 * The frame every share form (place, contact card, poll) sits in: a modal dialog with its title,
 * the fields, Cancel and Send. `check` turns what was typed into the message or null (its
 * problems are then shown beside their fields by the form); a valid message is sent to the open
 * chat through the outbox like a typed one, so a number that is offline queues it.
 */
export function ShareDialog({
  title,
  check,
  onClose,
  children,
}: {
  title: ReactNode;
  check: () => SendMessageInput | null;
  onClose: () => void;
  children: (ids: string) => ReactNode;
}) {
  const ref = useModalDialog();
  const transport = useTransport();
  const ids = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = check();
    if (!input) {
      // The first field with a problem, so keyboard users land on it (once the problems render).
      requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onClose();
    void useConversation.getState().send(transport, input);
  };

  return (
    <dialog
      ref={ref}
      className="inbox-dialog share-dialog"
      aria-labelledby={`${ids}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={`${ids}-title`}>{title}</h2>
        {children(ids)}
        <div className="row inbox-dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            <FormattedMessage id="inbox-share.cancel" />
          </button>
          <button type="submit" className="button">
            <FormattedMessage id="inbox-share.send" />
          </button>
        </div>
      </form>
    </dialog>
  );
}
