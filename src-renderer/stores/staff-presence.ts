import { create } from 'zustand';
import type { StaffPresence, StaffPresenceEvent } from '../../src-shared/contract/presence';
import type { Transport } from '../transport/types';
import { useMe } from './me';

/** The window says "still viewing" this often (the server forgets it after 45 s). */
export const VIEWING_EVERY_MS = 20_000;

interface StaffPresenceState {
  /** `session|chat` of the open chat, whose others are in `people`. */
  key: string | null;
  people: StaffPresence[];
  /** The chat opened: announce myself, learn who else is there, keep saying so. */
  enter(transport: Transport, session: string, chat: string, announce: boolean): void;
  /** The chat closed (another opened, the window went away). */
  leave(): void;
  apply(session: string, event: StaffPresenceEvent): void;
}

let heartbeat: ReturnType<typeof setInterval> | null = null;
let leaving: (() => void) | null = null;

/**
 * The collision guard's "Dana is viewing" / "Dana is typing a reply" for the open chat (issue
 * #16). The server keeps who is where (services/presence/); this window announces itself while a
 * chat is open (people who may write only) and follows `staff.presence` events.
 */
export const useStaffPresence = create<StaffPresenceState>((set, get) => ({
  key: null,
  people: [],
  enter(transport, session, chat, announce) {
    get().leave();
    const key = `${session}|${chat}`;
    set({ key, people: [] });
    const say = (state: 'viewing' | 'gone') =>
      transport.call('staffPresence.set', { session, chat, state }).catch(() => undefined);
    if (announce) {
      void say('viewing');
      heartbeat = setInterval(() => void say('viewing'), VIEWING_EVERY_MS);
      leaving = () => void say('gone');
    }
    void transport
      .call('staffPresence.list', { session, chat })
      .then(({ items }) => {
        if (get().key === key) set({ people: items });
      })
      .catch(() => undefined);
  },
  leave() {
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    leaving?.();
    leaving = null;
    set({ key: null, people: [] });
  },
  apply(session, event) {
    if (get().key !== `${session}|${event.chat}`) return;
    if (event.user.id === useMe.getState().principal?.user?.id) return;
    const others = get().people.filter((person) => person.user.id !== event.user.id);
    set({ people: event.state === 'gone' ? others : [...others, { user: event.user, state: event.state }] });
  },
}));
