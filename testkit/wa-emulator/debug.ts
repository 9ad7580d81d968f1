/** Opt-in tracing: set WA_EMULATOR_DEBUG=1 to print every stanza the emulator sees or sends. */
import type { BinaryNode } from '@whiskeysockets/baileys';
import { binaryNodeToString } from '@whiskeysockets/baileys';

const enabled = !!process.env.WA_EMULATOR_DEBUG;

export function debugLog(message: string, stanza?: BinaryNode): void {
  if (!enabled) {
    return;
  }
  const text = stanza ? `${message} ${binaryNodeToString(stanza).slice(0, 2000)}` : message;
  process.stderr.write(`[wa-emulator] ${text}\n`);
}

export function warn(message: string, error?: unknown): void {
  const detail =
    error instanceof Error ? `: ${error.stack ?? error.message}` : error ? `: ${String(error)}` : '';
  process.stderr.write(`[wa-emulator] ${message}${detail}\n`);
}
