/**
 * When an opened chat's other calls may start (issue #23 target 7, session 15 round 2): after its
 * first page has been answered (or refused) and the frame showing it has been painted. Until then
 * the contact presence, assignment (state and history), staff presence, assignment settings,
 * automation state and senders and the block list would compete with that page for the browser's
 * six connections per host and the single-threaded server, and their answers with its first frame.
 */

/** Runs `then` after the next painted frame. */
export type NextFrame = (then: () => void) => void;

/**
 * A requestAnimationFrame callback runs just before its frame is painted; a task queued from it
 * runs after. A hidden window paints no frames (requestAnimationFrame waits until it shows
 * again), so there the calls start on the next task instead of never.
 */
export const afterPaint: NextFrame = (then) => {
  if (document.visibilityState === 'hidden') setTimeout(then, 0);
  else requestAnimationFrame(() => setTimeout(then, 0));
};

/**
 * Calls `ready` once `opening` has settled (either way: a refused page must not keep the rest of
 * the chat from loading) and a frame has been painted after it. The returned function cancels: a
 * chat left before that never starts its other calls.
 */
export function afterFirstPage(
  opening: Promise<unknown>,
  ready: () => void,
  nextFrame: NextFrame = afterPaint,
): () => void {
  let live = true;
  const painted = () => {
    if (live) nextFrame(() => live && ready());
  };
  opening.then(painted, painted);
  return () => {
    live = false;
  };
}
