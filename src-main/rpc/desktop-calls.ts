import { OPT_IN_EVENT_TYPES, type AnyEventEnvelope } from '../../src-shared/contract/events.js';
import { canSeeEvent } from '../services/access/authorizer.js';
import type { DesktopSeat } from '../services/people/desktop-seat.js';
import type { RpcDispatcher } from './dispatcher.js';

/**
 * The desktop window's calls (Electron IPC), as the seat's principal: the PC owner (`DESKTOP`)
 * while the switcher is off, the chosen person while it is on, and the locked window
 * (`LOCKED_DESKTOP`, which the authorizer lets run only the switcher) before anyone is chosen.
 * Plain functions of the dispatcher and the seat, so tests drive them without Electron.
 */
export function callFromDesktop(
  dispatcher: RpcDispatcher,
  seat: DesktopSeat,
  operation: string,
  input: unknown,
): Promise<unknown> {
  return dispatcher.call(operation, input, { transport: 'ipc', principal: seat.principal() });
}

/** Whether the window is sent an event: what its person may see; nothing while locked. */
export function desktopSeesEvent(seat: DesktopSeat, event: AnyEventEnvelope): boolean {
  // The window never asks for opt-in types (a history mirror's chunks): not sent to it.
  return !OPT_IN_EVENT_TYPES.has(event.type) && canSeeEvent(seat.principal(), event);
}
