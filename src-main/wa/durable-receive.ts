/**
 * The two hooks Chatdock adds to Baileys (patches/@whiskeysockets+baileys+7.0.0-rc14.patch,
 * applied by patch-package on install), both in `handleMessage`, which Baileys runs for one
 * incoming message at a time:
 * - `receiveWindow(work)` wraps decrypting, storing and acknowledging the message: key writes
 *   made meanwhile are staged (staged-keys.ts);
 * - `persistIncomingMessage(message)` is awaited after decrypting and before the delivery
 *   receipt (or anything else that tells WhatsApp the message arrived). It stores the message
 *   with the staged key writes in one transaction. If it throws, Baileys sends nothing back (no
 *   receipt, no nack: a nack would count as an acknowledgement), and WhatsApp delivers the
 *   message again at the next login.
 * See docs/ARCHITECTURE.md, "Durable receive".
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { UserFacingSocketConfig, WAMessage } from '@whiskeysockets/baileys';

export interface DurableReceiveConfig {
  /** Runs Baileys' handling of one incoming message with key writes staged. */
  receiveWindow: <T>(work: () => Promise<T>) => Promise<T>;
  /** Stores `message` (and commits the key writes its decryption staged); throws if it cannot. */
  persistIncomingMessage: (message: WAMessage, type: 'notify' | 'append') => Promise<void>;
}

/** Baileys' socket config; the hooks only when durable receive is on (the patch ignores their absence). */
export type DurableSocketConfig = UserFacingSocketConfig & Partial<DurableReceiveConfig>;

/** The markers the patch leaves in Baileys' receive path. */
const PATCH_MARKERS = ['config.receiveWindow', 'config.persistIncomingMessage'];

/** Whether the installed Baileys carries the patch (a Baileys upgrade without it must not pass unnoticed). */
export function durableReceivePatched(): boolean {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@whiskeysockets/baileys');
  const file = path.join(path.dirname(entry), 'Socket', 'messages-recv.js');
  try {
    const source = readFileSync(file, 'utf8');
    return PATCH_MARKERS.every((marker) => source.includes(marker));
  } catch {
    return false;
  }
}
