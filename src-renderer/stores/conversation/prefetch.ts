import { chatKey } from '../../model/inbox/chat-order';
import type { EventsDuringLoad } from '../events-during-load';
import type { NewestPage } from './newest-page';

/** A page asked ahead, with the changes heard for its chat until it is applied. */
export type PageLoad = Promise<{ answer: NewestPage; replay: () => void }>;

/**
 * A chat's newest page asked for on the click that opens it, before React renders the route
 * (issue #23 target 7, session 16): at 4× CPU throttling the render between the click and the
 * pane's commit took ~150–200 ms, and the page only left after it. The chat's `open` then takes
 * this request instead of asking again.
 *
 * Until the chat is open the store does not show its live events, so a message stored after the
 * server read the page would be lost: the page is loaded through the store's `EventsDuringLoad`,
 * about the chat, which keeps the changes heard for it (before and after it opens) until the open
 * has applied the page. The load lasts until the open takes it, even when the page came first.
 */
export class PagePrefetch {
  private pending: {
    session: string;
    jid: string;
    load: PageLoad;
    /** Hands the load to the open: it settles once its page is in. */
    claim: () => void;
    /** Ends the load unopened: it hears no more. */
    drop: () => void;
  } | null = null;

  constructor(private readonly events: EventsDuringLoad) {}

  /** Asks for the page; settles when its answer is in (or failed), whether or not it is opened. */
  start(session: string, jid: string, page: () => Promise<NewestPage>): Promise<void> {
    this.pending?.drop();
    let claim: () => void = () => undefined;
    let drop: () => void = () => undefined;
    const claimed = new Promise<void>((resolve, reject) => {
      claim = resolve;
      drop = () => reject(new Error('The page asked ahead was not opened.'));
    });
    // Dropped while its page is still on the way: nothing waits on it yet.
    claimed.catch(() => undefined);
    // Asked before the load registers, in the same tick: no event can be handled in between.
    const answered = page();
    const load = this.events.load(
      async () => {
        const answer = await answered;
        await claimed;
        return answer;
      },
      chatKey(session, jid),
    );
    // Never taken (the navigation went elsewhere): its failure is nobody's to report.
    load.catch(() => undefined);
    this.pending = { session, jid, load, claim, drop };
    return answered.then(
      () => undefined,
      () => undefined,
    );
  }

  /** The page asked ahead for this chat, if any; any other one is dropped (its chat did not open). */
  take(session: string, jid: string): PageLoad | null {
    const pending = this.pending;
    this.pending = null;
    if (!pending) return null;
    if (pending.session !== session || pending.jid !== jid) {
      pending.drop();
      return null;
    }
    pending.claim();
    return pending.load;
  }

  /** The click went back to the chat shown: a page asked ahead for another one is not shown. */
  drop(): void {
    this.pending?.drop();
    this.pending = null;
  }

  /** A number was deleted: a page asked ahead for one of its chats is not shown. */
  forgetSession(session: string): void {
    if (this.pending?.session !== session) return;
    this.pending.drop();
    this.pending = null;
  }
}
