import { create } from 'zustand';
import type { BlockedContact } from '../../src-shared/contract/privacy';
import { describeError } from '../transport/rpc-error';
import type { Transport } from '../transport/types';

/**
 * Who each number blocked (issue #19): read once per number when a chat of it opens or the
 * Sessions page shows it, then kept current by `contact.blocked` / `contact.unblocked` (made
 * here, by someone else or on the phone).
 */
interface BlocklistState {
  bySession: Record<string, BlockedContact[]>;
  errors: Record<string, string | null>;
  load(transport: Transport, session: string, again?: boolean): Promise<void>;
  /** Blocks or unblocks; the answer is the number's list now. Throws what the core refused. */
  set(transport: Transport, session: string, jid: string, blocked: boolean): Promise<void>;
  apply(session: string, contact: BlockedContact, blocked: boolean): void;
}

const loading = new Set<string>();

export const useBlocklist = create<BlocklistState>((set, get) => ({
  bySession: {},
  errors: {},
  async load(transport, session, again = false) {
    if (loading.has(session) || (!again && get().bySession[session])) return;
    loading.add(session);
    try {
      const items = await transport.call('blocklist.list', { session });
      set((state) => ({
        bySession: { ...state.bySession, [session]: items },
        errors: { ...state.errors, [session]: null },
      }));
    } catch (caught) {
      set((state) => ({ errors: { ...state.errors, [session]: describeError(caught) } }));
    } finally {
      loading.delete(session);
    }
  },
  async set(transport, session, jid, blocked) {
    const items = await transport.call('blocklist.set', { session, jid, blocked });
    set((state) => ({ bySession: { ...state.bySession, [session]: items } }));
  },
  apply(session, contact, blocked) {
    set((state) => {
      const list = state.bySession[session];
      if (!list) return {};
      const others = list.filter((item) => item.jid !== contact.jid);
      return { bySession: { ...state.bySession, [session]: blocked ? [...others, contact] : others } };
    });
  },
}));

/** Whether the number blocked this contact (false while the list is unknown). */
export function useIsBlocked(session: string, jid: string): boolean {
  return useBlocklist((state) => state.bySession[session]?.some((item) => item.jid === jid) ?? false);
}
