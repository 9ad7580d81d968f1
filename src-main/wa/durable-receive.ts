/**
 * The one hook Chatdock adds to Baileys (patches/@whiskeysockets+baileys+7.0.0-rc14.patch,
 * applied by patch-package on install): `persistIncomingMessage`, awaited by Baileys'
 * `handleMessage` after decrypting an incoming message and before it sends the delivery
 * receipt (or anything else that tells WhatsApp the message arrived). If it throws, Baileys
 * answers with a nack (`<ack error="500">`) instead, and WhatsApp delivers the message again.
 * See docs/ARCHITECTURE.md, "Durable receive".
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { UserFacingSocketConfig, WAMessage } from '@whiskeysockets/baileys';

export interface DurableReceiveConfig {
  /** Stores `message` (and commits the key writes its decryption staged); throws if it cannot. */
  persistIncomingMessage: (message: WAMessage, type: 'notify' | 'append') => Promise<void>;
}

export type DurableSocketConfig = UserFacingSocketConfig & DurableReceiveConfig;

/** The marker the patch leaves in Baileys' receive path. */
export const PATCH_MARKER = 'config.persistIncomingMessage';

/** Whether the installed Baileys carries the patch (a Baileys upgrade without it must not pass unnoticed). */
export function durableReceivePatched(): boolean {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@whiskeysockets/baileys');
  const file = path.join(path.dirname(entry), 'Socket', 'messages-recv.js');
  try {
    return readFileSync(file, 'utf8').includes(PATCH_MARKER);
  } catch {
    return false;
  }
}
