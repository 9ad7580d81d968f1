import { create } from 'zustand';
import type { ViewCounts } from '../../src-shared/contract/assignment';
import type { Transport } from '../transport/types';
import { LatestCall } from '../transport/latest-call';
import { useInbox } from './inbox';

/** Events come in bursts (a campaign's answers): the counts are read again once it settles. */
const SETTLE_MS = 700;

interface ViewCountsState {
  /** Mine / Unassigned / my teams / All for the list's number and status; null until read. */
  counts: ViewCounts | null;
  /** Reads the counts for the chat list's current number and status filter. */
  load(transport: Transport): Promise<void>;
  /** An event may have moved a chat between views: read again shortly. */
  refreshSoon(transport: Transport | null): void;
}

const latest = new LatestCall();
let timer: ReturnType<typeof setTimeout> | null = null;

/**
 * The inbox views' counts (issue #16), beside the view chips. The server counts what the person
 * may read (`assignment.viewCounts`); live, they follow assignment, status and chat events.
 */
export const useViewCounts = create<ViewCountsState>((set) => ({
  counts: null,
  async load(transport) {
    const { session, status } = useInbox.getState().filter;
    await latest.run(
      () =>
        transport.call('assignment.viewCounts', {
          ...(session ? { session } : {}),
          ...(status ? { status } : {}),
        }),
      (counts) => set({ counts }),
      // Counts are a hint: the chips stay usable without them.
      () => set({ counts: null }),
    );
  },
  refreshSoon(transport) {
    if (!transport) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void useViewCounts.getState().load(transport);
    }, SETTLE_MS);
  },
}));
