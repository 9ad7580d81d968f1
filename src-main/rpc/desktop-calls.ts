import { OPT_IN_EVENT_TYPES, type AnyEventEnvelope } from '../../src-shared/contract/events.js';
import { AppError } from '../../src-shared/errors.js';
import { canSeeEvent } from '../services/access/authorizer.js';
import { DESKTOP } from '../services/access/principal.js';
import type { DesktopSeat } from '../services/people/desktop-seat.js';
import type { RpcDispatcher } from './dispatcher.js';

/** What a locked window may run: the switcher, nothing else. */
const LOCKED_WINDOW_OPERATIONS: ReadonlySet<string> = new Set([
  'desktop.state',
  'desktop.switch',
  'desktop.lock',
]);

/**
 * The desktop window's calls (Electron IPC): as the PC owner (`DESKTOP`) while the switcher is
 * off, as the chosen person while it is on, and only the switcher's operations while locked.
 * Plain functions of the dispatcher and the seat, so tests drive them without Electron.
 */
export function callFromDesktop(
  dispatcher: RpcDispatcher,
  seat: DesktopSeat,
  operation: string,
  input: unknown,
): Promise<unknown> {
  const principal = seat.principal();
  if (principal === null && !LOCKED_WINDOW_OPERATIONS.has(operation)) {
    return Promise.reject(
      new AppError('UNAUTHORIZED', 'the window is locked: choose who is using this PC first'),
    );
  }
  return dispatcher.call(operation, input, { transport: 'ipc', principal: principal ?? DESKTOP });
}

/** Whether the window is sent an event: what its person may see; nothing while locked. */
export function desktopSeesEvent(seat: DesktopSeat, event: AnyEventEnvelope): boolean {
  const principal = seat.principal();
  // The window never asks for opt-in types (a history mirror's chunks): not sent to it.
  return principal !== null && !OPT_IN_EVENT_TYPES.has(event.type) && canSeeEvent(principal, event);
}
