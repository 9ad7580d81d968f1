import { create } from 'zustand';
import type { AssignmentSettings } from '../../src-shared/contract/assignment';
import type { Transport } from '../transport/types';
import { useAssignment } from './assignment';
import { useMe } from './me';

interface ForeignReplyState {
  /** The `foreignReply` setting (allow / warn / forbid); warn until read. */
  mode: AssignmentSettings['foreignReply'];
  /** The composer is asking before a reply in `owner`'s chat (warn), or saying it may not (forbid). */
  asking: { owner: string; mode: 'warn' | 'forbid' } | null;
  load(transport: Transport): Promise<void>;
  /**
   * Before a send: null when it may go now; otherwise the question is put (`asking`) and the
   * send waits for Enter (warn) or is refused (forbid; the server refuses it too).
   */
  check(confirmed: boolean): 'send' | 'wait';
  dismiss(): void;
}

/**
 * The collision guard's question in the composer (issue #16): sending in a chat assigned to
 * someone else asks first (setting `foreignReply: warn`; Enter confirms, Escape cancels) or is
 * refused (`forbid`). Keys and the desktop are nobody's assignee: never asked.
 */
export const useForeignReply = create<ForeignReplyState>((set, get) => ({
  mode: 'warn',
  asking: null,
  async load(transport) {
    try {
      const settings = await transport.call('assignmentSettings.get', {});
      set({ mode: settings.foreignReply });
    } catch {
      // Keep asking (the default): the server decides anyway.
    }
  },
  check(confirmed) {
    const owner = useAssignment.getState().current?.assignee.user ?? null;
    const me = useMe.getState().principal?.user?.id ?? null;
    const { mode } = get();
    if (!owner || !me || owner.id === me || mode === 'allow') return 'send';
    if (mode === 'warn' && confirmed) {
      set({ asking: null });
      return 'send';
    }
    set({ asking: { owner: owner.name, mode } });
    return 'wait';
  },
  dismiss() {
    set({ asking: null });
  },
}));
