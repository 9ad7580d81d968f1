import { createContext, useContext } from 'react';

/**
 * Whether the open chat's other calls (presence, assignment, staff presence, automation, block
 * list) may start: false in a conversation pane until its first page has painted
 * (model/inbox/after-first-page.ts); true anywhere else, so a part used outside the pane loads at
 * once as before.
 */
export const SideCallsReady = createContext(true);

export function useSideCallsReady(): boolean {
  return useContext(SideCallsReady);
}
