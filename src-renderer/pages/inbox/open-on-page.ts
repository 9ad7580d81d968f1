import { flushSync } from 'react-dom';

/** The longest a clicked chat waits for its first page before its pane opens without it. */
export const OPEN_WAIT_MS = 100;

/** The opening asked last; an earlier one still waiting does not open. */
let latest: object | null = null;

/**
 * Opens a clicked chat once the first page asked on the click is in (or after `OPEN_WAIT_MS`),
 * rendering its route at once instead of as a transition (issue #23 target 7, session 24).
 *
 * Navigating on the click rendered the pane in one task and painted it empty; the page's answer,
 * in by then, was handled only after that frame, and the rows cost a second style, layout and
 * paint. Waiting the few milliseconds the answer takes puts the route and its rows in one task
 * and one frame. A page slower than the wait opens the pane as before (it shows it loading).
 *
 * `page` null opens at once (the keyboard steps through chats: the highlight follows each key).
 * An opening overtaken by another one, or by a navigation elsewhere meanwhile, does not happen.
 */
export function openOnPage(page: Promise<void> | null, open: () => void): void {
  const mine = {};
  latest = mine;
  if (!page) {
    open();
    return;
  }
  const from = window.location.href;
  const go = () => {
    clearTimeout(timer);
    if (latest !== mine) return;
    latest = null;
    if (window.location.href === from) flushSync(open);
  };
  const timer = setTimeout(go, OPEN_WAIT_MS);
  void page.then(go);
}
