import type { AnyEventEnvelope } from './contract/events.js';

/** The answer of one IPC call: the operation's result, or the AppError body it failed with. */
export type InvokeAnswer = { ok: true; result: unknown } | { ok: false; error: unknown };

/**
 * What the Electron preload (src-main/electron/preload.cts) exposes on `window.chatdock`, and what
 * the renderer's IpcTransport uses: one type on both sides, so neither can drift.
 */
export interface DesktopBridge {
  invoke(operation: string, input: unknown): Promise<InvokeAnswer>;
  subscribe(listener: (event: AnyEventEnvelope) => void): () => void;
}
