import { useLayoutEffect, type RefObject } from 'react';

/**
 * Up to ~1500 px the contact panel lies over the conversation instead of squeezing it
 * (inbox.css). It must not lie over the conversation's header too, whose right-hand buttons
 * (pin, mute, … the panel's own toggle) stay in reach: the header's height, which grows with
 * the presence and disappearing-messages lines, is kept in `--conversation-header-height` on the
 * inbox, and the overlaid panel starts below it.
 */
export function useHeaderClearance(
  inbox: RefObject<HTMLElement | null>,
  active: boolean,
  chat: string | null,
) {
  useLayoutEffect(() => {
    const root = inbox.current;
    if (!root) return undefined;
    const header = active ? root.querySelector<HTMLElement>('.conversation__header') : null;
    if (!header) {
      root.style.removeProperty('--conversation-header-height');
      return undefined;
    }
    const measure = () =>
      root.style.setProperty('--conversation-header-height', `${header.getBoundingClientRect().height}px`);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(header);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--conversation-header-height');
    };
  }, [inbox, active, chat]);
}
