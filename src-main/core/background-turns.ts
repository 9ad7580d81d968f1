/**
 * One piece of background work per turn of the event loop (issue #23, target 5: no block over
 * 50 ms while the core works). A history sync's chunks, the report fold's ticks and a campaign's
 * preparation each keep their own pieces within a budget (~20 ms), but a turn of the loop runs
 * its timers, then its I/O, then its immediates: a fold tick (a timer) and a history chunk (an
 * immediate) landed in the same turn, with requests between them, and their budgets added up
 * into blocks of 70–100 ms of CPU (docs/PERFORMANCE.md, session 15).
 *
 * Every background piece now waits for its turn here first. Turns are handed out one per
 * `setImmediate` callback, in the order asked, and the next one is scheduled from inside that
 * callback, which Node runs in the *next* turn's check phase: between two background pieces the
 * loop always goes through its timers and its I/O (WhatsApp, the API, IPC). On an idle loop a
 * turn costs next to nothing, so a job alone keeps its whole speed; two jobs take turns.
 *
 * The piece runs in the continuation of the awaited promise, i.e. in the microtasks Node drains
 * right after the callback that resolved it, still inside that check phase.
 */

const waiting: Array<() => void> = [];
let scheduled = false;

/** Resolves when it is this caller's turn: do one bounded piece of work right after. */
export function backgroundTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(handOut);
    }
  });
}

function handOut(): void {
  const next = waiting.shift();
  if (waiting.length > 0) setImmediate(handOut);
  else scheduled = false;
  next?.();
}

/** How many pieces wait for a turn (tests). */
export function turnsWaiting(): number {
  return waiting.length;
}
