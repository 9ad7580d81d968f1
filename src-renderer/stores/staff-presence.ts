import { create } from 'zustand';
import type { StaffPresence, StaffPresenceEvent } from '../../src-shared/contract/presence';
import type { Transport } from '../transport/types';
import { useMe } from './me';

/** The window says "still viewing" this often (the server forgets it after 45 s). */
export const VIEWING_EVERY_MS = 20_000;

interface StaffPresenceState {
  /** `session|chat` of the open chat, whose others are in `people`. */
  key: string | null;
  /**
   * Events that arrived while the first list was on its way: the list may have been read before
   * them, so they are applied again on top of it (else a late list could hide "Dana is typing").
   */
  early: StaffPresenceEvent[] | null;
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
  early: null,
  people: [],
  enter(transport, session, chat, announce) {
    get().leave();
    const key = `${session}|${chat}`;
    set({ key, people: [], early: [] });
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
        if (get().key !== key) return;
        const early = get().early ?? [];
        set({ people: early.reduce(withEvent, items), early: null });
      })
      .catch(() => {
        if (get().key === key) set({ early: null });
      });
  },
  leave() {
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    leaving?.();
    leaving = null;
    set({ key: null, people: [], early: null });
  },
  apply(session, event) {
    if (get().key !== `${session}|${event.chat}`) return;
    if (event.user.id === useMe.getState().principal?.user?.id) return;
    const early = get().early;
    set({ people: withEvent(get().people, event), early: early ? [...early, event] : null });
  },
}));

/** `people` after one `staff.presence` event. */
function withEvent(people: StaffPresence[], event: StaffPresenceEvent): StaffPresence[] {
  const others = people.filter((person) => person.user.id !== event.user.id);
  return event.state === 'gone' ? others : [...others, { user: event.user, state: event.state }];
}
