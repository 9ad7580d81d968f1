import type { Logger } from '../core/logger.js';
import type { InvokeAnswer } from '../../src-shared/desktop-bridge.js';
import { AppError } from '../../src-shared/errors.js';

/** A contract call made as the desktop window's principal (`Core.callFromDesktop`). */
export type DesktopCall = (operation: string, input: unknown) => Promise<unknown>;

/**
 * One desktop window call answered the way the window's bridge expects it: the result, or the
 * AppError's body (unexpected errors are logged and answered without internals). Electron's IPC
 * handler (electron/ipc.ts) and the test-only loopback bridge (desktop-test-bridge.ts) both
 * answer through here, so the browser tests see exactly what the window sees.
 */
export async function answerDesktopCall(
  call: DesktopCall,
  logger: Logger,
  operation: unknown,
  input: unknown,
): Promise<InvokeAnswer> {
  try {
    const result = await call(String(operation), input);
    return { ok: true, result: result ?? null };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toBody() };
    logger.error({ err: error, operation }, 'desktop call failed');
    return { ok: false, error: { code: 'INTERNAL', message: 'internal error; see the logs' } };
  }
}
