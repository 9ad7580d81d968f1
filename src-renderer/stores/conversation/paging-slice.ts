import { mergeMessages, PAGE_SIZE } from '../../model/inbox/history';
import { describeError } from '../../transport/rpc-error';
import type { Transport } from '../../transport/types';
import { chatKey } from '../../model/inbox/chat-order';
import { useDrafts } from '../drafts';
import { newestPage } from './newest-page';
import { isOpen, NO_HISTORY, NO_SELECTION, type ConversationRuntime } from './runtime';
import type { ConversationSlice, PagingSlice } from './types';

/** Opening a chat at its newest page (or at a message), and paging older and newer from there. */
export const pagingSlice =
  (runtime: ConversationRuntime): ConversationSlice<PagingSlice> =>
  (set, get) => {
    /** The next page on one side of what is loaded, from that side's exact cursor. */
    async function loadPage(transport: Transport, side: 'older' | 'newer'): Promise<void> {
      const older = side === 'older';
      const { session, jid, loadingOlder, loadingNewer } = get();
      const cursor = older ? runtime.olderCursor : runtime.newerCursor;
      if (!session || !jid || cursor === null || (older ? loadingOlder : loadingNewer)) return;
      const mine = runtime.generation;
      const loading = (value: boolean) => (older ? { loadingOlder: value } : { loadingNewer: value });
      set(loading(true));
      try {
        const { items, next } = await transport.call('messages.page', {
          session,
          chat: jid,
          limit: PAGE_SIZE,
          ...(older ? { before: cursor } : { after: cursor }),
        });
        if (!runtime.isCurrent(mine)) return;
        if (older) runtime.olderCursor = next;
        else runtime.newerCursor = next;
        set((state) => ({
          messages: mergeMessages(state.messages, [...items].reverse(), side),
          ...(older ? { hasOlder: next !== null } : { hasNewer: next !== null }),
          ...loading(false),
        }));
      } catch (error) {
        if (runtime.isCurrent(mine)) set({ ...loading(false), error: describeError(error) });
      }
    }

    return {
      session: null,
      jid: null,
      ...NO_HISTORY,
      error: null,
      openedSeq: 0,

      preopen(transport, session, jid) {
        // The chat shown already: its pane stays, nothing opens it again (nor a chat clicked just
        // before it whose pane has not opened yet: open-on-page.ts).
        if (isOpen(get(), session, jid)) {
          runtime.prefetch.drop();
          return null;
        }
        return runtime.prefetch.start(session, jid, () => newestPage(transport, session, jid));
      },

      async open(transport, session, jid, focus) {
        // The page asked on the click that opened this chat, if it was (a jump asks its own).
        const early = runtime.prefetch.take(session, jid);
        const mine = runtime.restart();
        set({
          session,
          jid,
          ...NO_HISTORY,
          loading: true,
          error: null,
          highlight: null,
          ...NO_SELECTION,
          // A reply left in the chat's draft shows above the message box again.
          replyTo: useDrafts.getState().drafts[chatKey(session, jid)]?.replyTo ?? null,
          notice: null,
        });
        try {
          if (focus) {
            await get().jumpTo(transport, focus.id, focus.query);
            if (runtime.isCurrent(mine)) set({ loading: false });
            return;
          }
          const { answer, replay } = await (early ??
            runtime.eventsDuringLoad.load(() => newestPage(transport, session, jid), chatKey(session, jid)));
          if (!runtime.isCurrent(mine)) return;
          runtime.olderCursor = answer.next;
          set((state) => ({
            messages: answer.messages,
            hasOlder: answer.next !== null,
            loading: false,
            openedSeq: state.openedSeq + 1,
          }));
          // A message that came in while the page was on its way, and is not on it (heard before
          // the chat opened too, when its page was asked ahead).
          replay();
        } catch (error) {
          if (runtime.isCurrent(mine)) set({ loading: false, error: describeError(error) });
        }
      },

      close() {
        runtime.restart();
        set({ session: null, jid: null, messages: [], highlight: null, ...NO_SELECTION });
      },

      loadOlder: (transport) => loadPage(transport, 'older'),

      loadNewer: (transport) => loadPage(transport, 'newer'),

      async refresh(transport) {
        const { session, jid, hasNewer } = get();
        if (!session || !jid || hasNewer) return;
        const mine = runtime.generation;
        try {
          const { messages } = await newestPage(transport, session, jid);
          if (runtime.isCurrent(mine)) {
            set((state) => ({ messages: mergeMessages(state.messages, messages) }));
          }
        } catch {
          // The next event or scroll will try again.
        }
      },
    };
  };
