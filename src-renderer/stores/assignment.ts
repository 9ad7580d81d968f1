import { create } from 'zustand';
import type {
  AssignmentCandidates,
  AssignmentHistoryEntry,
  ChatAssignedEvent,
  ChatAssignment,
  ChatStatus,
  ChatStatusChangedEvent,
} from '../../src-shared/contract/assignment';
import { chatKey } from '../model/inbox/chat-order';
import { describeError, RpcError } from '../transport/rpc-error';
import type { Transport } from '../transport/types';

interface AssignmentState {
  /** The open chat (`chatKey`) the rest describes. */
  key: string | null;
  current: ChatAssignment | null;
  /** Newest first, as the server answers. */
  history: AssignmentHistoryEntry[];
  candidates: AssignmentCandidates | null;
  loading: boolean;
  busy: boolean;
  error: string | null;
  /**
   * Someone else took the chat first (409 on `ifAssignee`): who has it now, shown beside the
   * picker. Null for "it was unassigned meanwhile" is `conflict: ''`.
   */
  conflict: string | null;
  open(transport: Transport, session: string, chat: string): Promise<void>;
  close(): void;
  loadCandidates(transport: Transport): Promise<void>;
  /** `user`/`team` as in `assignment.assign`; taking compares with the owner shown (`ifAssignee`). */
  assign(transport: Transport, change: { user?: string | null; team?: string | null }): Promise<boolean>;
  setStatus(transport: Transport, status: ChatStatus, snoozeUntil?: Date): Promise<boolean>;
  applyAssigned(transport: Transport | null, session: string, event: ChatAssignedEvent): void;
  applyStatus(transport: Transport | null, session: string, event: ChatStatusChangedEvent): void;
}

let generation = 0;

/** The open chat's status, assignee and history (issue #16), for the header and the system lines. */
export const useAssignment = create<AssignmentState>((set, get) => {
  const ref = () => {
    const { current } = get();
    return current ? { session: current.session, chat: current.chat } : null;
  };

  async function reloadHistory(transport: Transport): Promise<void> {
    const chat = ref();
    if (!chat) return;
    const mine = generation;
    try {
      const { items } = await transport.call('assignment.history', chat);
      if (mine === generation) set({ history: items });
    } catch {
      // The lines are a record; the header still shows the current state.
    }
  }

  return {
    key: null,
    current: null,
    history: [],
    candidates: null,
    loading: false,
    busy: false,
    error: null,
    conflict: null,

    async open(transport, session, chat) {
      const mine = ++generation;
      set({
        key: chatKey(session, chat),
        current: null,
        history: [],
        candidates: null,
        loading: true,
        error: null,
        conflict: null,
      });
      try {
        const [current, history] = await Promise.all([
          transport.call('assignment.get', { session, chat }),
          transport.call('assignment.history', { session, chat }),
        ]);
        if (mine === generation) set({ current, history: history.items, loading: false });
      } catch (error) {
        if (mine === generation) set({ loading: false, error: describeError(error) });
      }
    },

    close() {
      generation++;
      set({ key: null, current: null, history: [], candidates: null, error: null, conflict: null });
    },

    async loadCandidates(transport) {
      const chat = ref();
      if (!chat) return;
      const mine = generation;
      try {
        const candidates = await transport.call('assignment.candidates', chat);
        if (mine === generation) set({ candidates });
      } catch (error) {
        if (mine === generation) set({ error: describeError(error) });
      }
    },

    async assign(transport, change) {
      const { current } = get();
      if (!current) return false;
      const mine = generation;
      set({ busy: true, error: null, conflict: null });
      try {
        const next = await transport.call('assignment.assign', {
          session: current.session,
          chat: current.chat,
          ...change,
          ifAssignee: current.assignee.user?.id ?? null,
        });
        if (mine !== generation) return true;
        set({ current: next, busy: false });
        void reloadHistory(transport);
        return true;
      } catch (error) {
        if (mine !== generation) return false;
        if (error instanceof RpcError && error.code === 'CONFLICT' && error.field === 'ifAssignee') {
          // Show who has it now, and the header follows the chat's real owner.
          const fresh = await transport
            .call('assignment.get', { session: current.session, chat: current.chat })
            .catch(() => null);
          if (mine !== generation) return false;
          set({
            busy: false,
            current: fresh ?? current,
            conflict: fresh?.assignee.user?.name ?? '',
          });
          return false;
        }
        set({ busy: false, error: describeError(error) });
        return false;
      }
    },

    async setStatus(transport, status, snoozeUntil) {
      const chat = ref();
      if (!chat) return false;
      const mine = generation;
      set({ busy: true, error: null, conflict: null });
      try {
        const next = await transport.call('assignment.setStatus', {
          ...chat,
          status,
          ...(snoozeUntil ? { snoozeUntil: snoozeUntil.toISOString() } : {}),
        });
        if (mine === generation) set({ current: next, busy: false });
        void reloadHistory(transport);
        return true;
      } catch (error) {
        if (mine === generation) set({ busy: false, error: describeError(error) });
        return false;
      }
    },

    applyAssigned(transport, session, event) {
      if (get().key !== chatKey(session, event.chat)) return;
      set((state) => ({
        current: state.current && { ...state.current, assignee: event.to },
        // Someone reassigned it meanwhile: an old "Dana has it" no longer holds.
        conflict: null,
      }));
      if (transport) void reloadHistory(transport);
    },

    applyStatus(transport, session, event) {
      if (get().key !== chatKey(session, event.chat)) return;
      set((state) => ({
        current: state.current && { ...state.current, status: event.to, snoozedUntil: event.snoozedUntil },
      }));
      if (transport) void reloadHistory(transport);
    },
  };
});
