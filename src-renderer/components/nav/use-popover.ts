import { useCallback, useEffect, useRef } from 'react';

/**
 * The mechanism every button-opened popover shares, for a popover whose parent owns `open`:
 * `onOpened` runs once each time it opens (reset, focus the first control), a mouse-down outside
 * `rootRef` closes it, and `close()` closes it and gives focus back to `buttonRef` (Escape, a
 * choice made from the keyboard). The callbacks are read through refs: a parent re-rendering with
 * new ones must not run the opening again.
 */
export function usePopover(open: boolean, onOpenChange: (open: boolean) => void, onOpened: () => void) {
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const openChange = useRef(onOpenChange);
  openChange.current = onOpenChange;
  const opened = useRef(onOpened);
  opened.current = onOpened;

  useEffect(() => {
    if (!open) return;
    opened.current();
    const closeOutside = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) openChange.current(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  const close = useCallback(() => {
    openChange.current(false);
    buttonRef.current?.focus();
  }, []);

  return { rootRef, buttonRef, close };
}
