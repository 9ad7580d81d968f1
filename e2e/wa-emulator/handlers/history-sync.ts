/** Placeholder: the history sync push is implemented later. */
import type { DeviceSession, EmulatorContext } from '../context.js';

export async function pushHistorySync(_ctx: EmulatorContext, _session: DeviceSession): Promise<void> {}
