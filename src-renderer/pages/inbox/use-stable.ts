import { useLayoutEffect, useMemo, useRef } from 'react';

/**
 * A function that keeps its identity across renders and always calls the newest `callback`.
 * The composer renders on every keystroke; its tools (emoji, saved replies, attach menu) are
 * memoised and only re-render when what they show changes, not because a handler was re-created
 * (issue #23 target 7: input delay while typing on a slow PC). The chat list's rows likewise: a
 * handler made with the router's `navigate` changed with every opened chat (see `ChatList`).
 */
export function useStable<A extends unknown[], R>(callback: (...args: A) => R): (...args: A) => R {
  const latest = useRef(callback);
  useLayoutEffect(() => {
    latest.current = callback;
  });
  return useMemo(
    () =>
      (...args: A) =>
        latest.current(...args),
    [],
  );
}
