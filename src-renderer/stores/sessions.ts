import { create } from 'zustand';
import type { Session, SessionStatusEvent } from '../../src-shared/model';
import type { Transport } from '../transport/types';
import { describeError } from '../transport/rpc-error';
import { EventsDuringLoad } from './events-during-load';

interface SessionsState {
  sessions: Session[];
  loaded: boolean;
  error: string | null;
  /** The current QR text and pairing code per session, from `session.status` events. */
  qr: Record<string, string | null>;
  pairingCode: Record<string, string | null>;
  load(transport: Transport): Promise<void>;
  upsert(session: Session): void;
  remove(id: string): void;
  applyStatus(event: SessionStatusEvent): void;
  /** The number's own profile changed (`session.profile_updated`): the card shows its name. */
  applyProfile(profile: { session: string; name: string | null }): void;
}

const eventsDuringLoad = new EventsDuringLoad();

export const useSessions = create<SessionsState>((set) => ({
  sessions: [],
  loaded: false,
  error: null,
  qr: {},
  pairingCode: {},

  async load(transport) {
    try {
      const { answer, replay } = await eventsDuringLoad.load(() => transport.call('sessions.list', {}));
      set({ sessions: answer, loaded: true, error: null });
      replay();
    } catch (error) {
      set({ loaded: true, error: describeError(error) });
    }
  },

  upsert(session) {
    eventsDuringLoad.apply(() =>
      set((state) => {
        const shown = state.sessions.find((s) => s.id === session.id);
        if (!shown) return { sessions: [...state.sessions, session] };
        // An RPC answer can arrive after the event of a later change (connect answers
        // "connecting" while the QR event is already in): an older state does not replace it.
        if (session.statusChangedAt < shown.statusChangedAt) return {};
        return { sessions: state.sessions.map((s) => (s.id === session.id ? session : s)) };
      }),
    );
  },

  remove(id) {
    eventsDuringLoad.apply(() => set((state) => ({ sessions: state.sessions.filter((s) => s.id !== id) })));
  },

  applyStatus({ session, qr, pairingCode }) {
    useSessions.getState().upsert(session);
    set((state) => ({
      qr: { ...state.qr, [session.id]: session.status === 'qr' ? qr : null },
      pairingCode: { ...state.pairingCode, [session.id]: session.status === 'pairing' ? pairingCode : null },
    }));
  },

  applyProfile({ session: id, name }) {
    if (!name) return;
    eventsDuringLoad.apply(() =>
      set((state) => ({
        sessions: state.sessions.map((s) => (s.id === id ? { ...s, pushName: name } : s)),
      })),
    );
  },
}));
