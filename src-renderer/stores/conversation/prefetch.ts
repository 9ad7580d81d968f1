import type { NewestPage } from './newest-page';

/**
 * A chat's newest page asked for on the click that opens it, before React renders the route
 * (issue #23 target 7, session 16): at 4× CPU throttling the render between the click and the
 * pane's commit (the chat list's new active row, the old pane's unmount, the new pane's mount)
 * took ~150–200 ms, and the page only left after it. The pane's `open` then takes this request
 * instead of asking again.
 *
 * Until the chat is open the store ignores its live events, so a message stored after the
 * server read the page would be lost: the changes heard for the chat meanwhile are kept here and
 * made again on top of its page, as `EventsDuringLoad` does once it is open.
 */
export interface Prefetch {
  session: string;
  jid: string;
  page: Promise<NewestPage>;
  /** Live changes to the chat heard before it opened (idempotent: merge, replace). */
  heard: Array<() => void>;
}

/** At most one page asked ahead: a later click replaces it, the next open takes or drops it. */
export class PagePrefetch {
  private pending: Prefetch | null = null;

  start(session: string, jid: string, page: Promise<NewestPage>): void {
    // Never taken (the navigation went elsewhere): its failure is nobody's to report.
    page.catch(() => undefined);
    this.pending = { session, jid, page, heard: [] };
  }

  /** The page asked ahead for this chat, if any; any other one is dropped (its chat did not open). */
  take(session: string, jid: string): Prefetch | null {
    const pending = this.pending;
    this.pending = null;
    return pending && pending.session === session && pending.jid === jid ? pending : null;
  }

  /** Keeps a live change to `chat` if its page was asked ahead; false when it was not. */
  hear(session: string, chat: string, change: () => void): boolean {
    if (!this.pending || this.pending.session !== session || this.pending.jid !== chat) return false;
    this.pending.heard.push(change);
    return true;
  }

  /** A number was deleted: a page asked ahead for one of its chats is not shown. */
  forgetSession(session: string): void {
    if (this.pending?.session === session) this.pending = null;
  }
}
