import { useEffect, useRef } from 'react';

/** A `<dialog>` shown modal as soon as it is mounted (focus moves in, Esc fires `cancel`). */
export function useModalDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return ref;
}
