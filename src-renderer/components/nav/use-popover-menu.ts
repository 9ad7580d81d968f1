import { useCallback, useRef, useState } from 'react';
import { usePopover } from './use-popover';

/**
 * A button that opens a small menu: the first item takes focus when it opens, Escape or a click
 * outside closes it, and closing from the keyboard gives focus back to the button. The sidebar's
 * person menu and the phone bar's "More" menu behave the same through this one hook.
 */
export function usePopoverMenu<Item extends HTMLElement = HTMLElement>() {
  const [open, setOpen] = useState(false);
  const firstItemRef = useRef<Item>(null);
  const { rootRef, buttonRef, close } = usePopover(open, setOpen, () => firstItemRef.current?.focus());

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent) => {
      if (event.key === 'Escape' && open) close();
    },
    [open, close],
  );

  return {
    open,
    toggle: () => setOpen((was) => !was),
    /** Closes without moving focus (the item chosen navigates away). */
    dismiss: () => setOpen(false),
    rootRef,
    buttonRef,
    firstItemRef,
    onKeyDown,
  };
}

/** ↑ / ↓ inside an open menu move the focus through its items, round at either end. */
export function moveMenuFocus(event: React.KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  event.preventDefault();
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  const step = event.key === 'ArrowDown' ? 1 : -1;
  items[(at + step + items.length) % items.length]?.focus();
}
