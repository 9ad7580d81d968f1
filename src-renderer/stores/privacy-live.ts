import { create } from 'zustand';
import type { PrivacySettings } from '../../src-shared/contract/privacy';

/**
 * The privacy settings last announced per number (`session.privacy_updated`, issue #19), so an
 * open privacy form shows a change made by someone else without being read again.
 */
export const usePrivacyLive = create<{
  bySession: Record<string, PrivacySettings>;
  apply(session: string, settings: PrivacySettings): void;
}>((set) => ({
  bySession: {},
  apply: (session, settings) => set((state) => ({ bySession: { ...state.bySession, [session]: settings } })),
}));
