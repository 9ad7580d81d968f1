import { create } from 'zustand';
import type { Me } from '../../src-shared/contract/people';
import { describeError } from '../transport/rpc-error';
import type { Transport } from '../transport/types';
import { LatestCall } from '../transport/latest-call';

interface MeState {
  /** Who is signed in and what they may do (`people.me`); null until the first load answered. */
  principal: Me | null;
  loading: boolean;
  error: string | null;
  /** Loads the principal through `transport` and remembers it for `refresh`. */
  load(transport: Transport): Promise<void>;
  /** Reads the principal again (a permission or the person changed); nothing before `load`. */
  refresh(): Promise<void>;
  /** Forgets the principal (signed out). */
  clear(): void;
}

// A burst of `permissions.updated` events may refresh several times: only the newest read counts.
const latest = new LatestCall();
let remembered: Transport | null = null;

/**
 * The signed-in principal, shared by the navigation (what the sidebar shows), the profile page
 * and anything that hides what the person may not do. The server decides every call on its own;
 * this only keeps the UI from offering what it would refuse.
 */
export const useMe = create<MeState>((set) => ({
  principal: null,
  loading: false,
  error: null,
  async load(transport) {
    remembered = transport;
    set({ loading: true });
    await latest.run(
      () => transport.call('people.me', {}),
      (principal) => set({ principal, loading: false, error: null }),
      (error) => set({ loading: false, error: describeError(error) }),
    );
  },
  async refresh() {
    if (remembered) await useMe.getState().load(remembered);
  },
  clear() {
    remembered = null;
    set({ principal: null, loading: false, error: null });
  },
}));
