import type { Message } from '../../../src-shared/messages';
import { mergeMessages } from '../../model/inbox/history';
import { describeError } from '../../transport/rpc-error';
import type { Transport } from '../../transport/types';
import type { ConversationRuntime } from './runtime';
import type { ConversationSlice, JumpSlice } from './types';

/** Messages loaded on each side of the one jumped to. */
const AROUND = 25;

/** Jumping to a message anywhere in the history (loading the page around it) and back. */
export const jumpSlice =
  (runtime: ConversationRuntime): ConversationSlice<JumpSlice> =>
  (set, get) => {
    async function loadAround(transport: Transport, id: string, mine: number): Promise<Message[] | null> {
      const { session, jid } = get();
      if (!session || !jid) return null;
      const around = await transport.call('messages.around', { session, chat: jid, id, context: AROUND });
      if (!runtime.isCurrent(mine)) return null;
      runtime.olderCursor = around.older;
      runtime.newerCursor = around.newer;
      // messages.around answers newest first.
      return mergeMessages([], [...around.items].reverse());
    }

    return {
      highlight: null,

      async jumpTo(transport, id, query = null) {
        const seq = (get().highlight?.seq ?? 0) + 1;
        if (get().messages.some((m) => m.id === id)) {
          set({ highlight: { id, query, seq } });
          return;
        }
        const mine = runtime.generation;
        try {
          const items = await loadAround(transport, id, mine);
          if (!items) return;
          set({
            messages: items,
            hasOlder: runtime.olderCursor !== null,
            hasNewer: runtime.newerCursor !== null,
            highlight: { id, query, seq },
            error: null,
          });
        } catch (error) {
          if (runtime.isCurrent(mine)) set({ error: describeError(error) });
        }
      },

      async jumpToLatest(transport) {
        const { session, jid } = get();
        if (!session || !jid) return;
        await get().open(transport, session, jid);
      },
    };
  };
