import type { FormEvent, ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useModalDialog } from '../../../components/use-modal-dialog';

/**
 * The inbox's modal form dialogs (join a group, follow or create a channel): a `<dialog>` shown
 * modal on mount, titled by its heading, closed by Esc through `onClose`, holding one form whose
 * fields are checked by the dialog itself (`noValidate`), so problems show beside the field.
 * Rendered into `<body>`: the chat list pane that opens it is hidden at a phone's width while a
 * conversation is open, and a `<dialog>` inside a hidden element is not shown, even modal.
 */
export function ModalForm({
  ids,
  className,
  title,
  onSubmit,
  onClose,
  children,
}: {
  /** The dialog's `useId()`: the heading is `${ids}-title`. */
  ids: string;
  className: string;
  title: string;
  onSubmit: (event: FormEvent) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useModalDialog();
  return createPortal(
    <dialog
      ref={ref}
      className={`inbox-dialog new-chat ${className}`}
      aria-labelledby={`${ids}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={onSubmit} noValidate>
        <h2 id={`${ids}-title`}>{title}</h2>
        {children}
      </form>
    </dialog>,
    document.body,
  );
}
