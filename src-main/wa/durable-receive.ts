/**
 * The hooks Chatdock adds to Baileys (patches/@whiskeysockets+baileys+7.0.0-rc14.patch, applied
 * by patch-package on install), all in `handleMessage`, which Baileys runs for one incoming
 * message at a time:
 * - `receiveWindow(work)` wraps decrypting, storing and acknowledging the message: key writes
 *   made meanwhile are staged (staged-keys.ts);
 * - `isIncomingStored(message)` is asked before decrypting: a message stored before a crash that
 *   kept its receipt from going out is only receipted (its keys are spent; received-messages.ts);
 * - `persistIncomingMessage(message)` is awaited after decrypting and before the delivery
 *   receipt (or anything else that tells WhatsApp the message arrived). It stores the message
 *   with the staged key writes in one transaction. If it throws, Baileys sends nothing back (no
 *   receipt, no nack: a nack would count as an acknowledgement), and WhatsApp delivers the
 *   message again at the next login;
 * - `persistReceiptUpdates(updates)` is awaited before a `<receipt>` from a contact (delivered,
 *   read, played) is acknowledged: the status is stored first. If it throws, the receipt is not
 *   acknowledged and WhatsApp delivers it again at the next login;
 * - `persistHistorySlice(message, slice)` is awaited when Baileys has downloaded the history slice
 *   a (receipted) notification announced, before it emits it (pending-history.ts).
 * See docs/ARCHITECTURE.md, "Durable receive".
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { HistorySlice } from './pending-history.js';
import type {
  MessageUserReceiptUpdate,
  UserFacingSocketConfig,
  WAMessage,
  WAMessageUpdate,
} from '@whiskeysockets/baileys';

export interface DurableReceiveConfig {
  /** Runs Baileys' handling of one incoming message with key writes staged. */
  receiveWindow: <T>(work: () => Promise<T>) => Promise<T>;
  /** Whether the message (decoded, not yet decrypted) was stored before: then only its receipt goes out. */
  isIncomingStored: (message: WAMessage) => Promise<boolean>;
  /** Stores `message` (and commits the key writes its decryption staged); throws if it cannot. */
  persistIncomingMessage: (message: WAMessage, type: 'notify' | 'append') => Promise<void>;
  /** Stores the statuses a contact's receipt carries (before its ack); throws if it cannot. */
  persistReceiptUpdates: (updates: ReceiptUpdates) => Promise<void>;
  /**
   * Stores a history slice Baileys downloaded (for the notification `message`, receipted and kept
   * earlier) before it is announced; throws if it cannot (pending-history.ts).
   */
  persistHistorySlice: (message: WAMessage, slice: HistorySlice) => Promise<void>;
}

/** What one `<receipt>` tells: per-message statuses (1:1 chats) or per-participant receipts (groups). */
export interface ReceiptUpdates {
  messages: WAMessageUpdate[];
  receipts: MessageUserReceiptUpdate[];
}

/** Baileys' socket config; the hooks only when durable receive is on (the patch ignores their absence). */
export type DurableSocketConfig = UserFacingSocketConfig & Partial<DurableReceiveConfig>;

/** The markers the patch leaves in Baileys, by file (relative to its `lib/`). */
export const PATCH_MARKERS: Record<string, string[]> = {
  // The receive path: the hooks above (the window holding the key-transaction mutex), and the
  // retry receipt's new prekey stored before it is offered.
  'Socket/messages-recv.js': [
    'authState.keys.exclusive(',
    'config.isIncomingStored',
    'config.persistIncomingMessage',
    'offeredPreKey',
    'config.persistReceiptUpdates',
    // a removed device's sessions are deleted outside `devicesMutex` (a send holds the key mutex
    // while it waits for that one)
    'removedDeviceJids',
  ],
  // A downloaded history slice is handed to the app before it is announced.
  'Socket/chats.js': ['persistHistorySlice: config.persistHistorySlice'],
  'Utils/process-message.js': ['await persistHistorySlice(message, data)'],
  // An encrypted message's key writes are stored before it is sent.
  'Socket/messages-send.js': ['authState.keys.commitPending'],
  // Signal key transactions: one at a time, `exclusive` and `commitPending` (see the comments there).
  // LID mappings keep their own mutex (a send holding the one mutex may wait for a shared lookup).
  'Utils/auth-utils.js': ['everyKeyMutex', 'exclusive: (work)', 'commitPending: async', 'lidMappingMutex'],
};

/** Whether the installed Baileys carries the patch (a Baileys upgrade without it must not pass unnoticed). */
export function durableReceivePatched(): boolean {
  const require = createRequire(import.meta.url);
  const lib = path.dirname(require.resolve('@whiskeysockets/baileys'));
  try {
    return Object.entries(PATCH_MARKERS).every(([file, markers]) => {
      const source = readFileSync(path.join(lib, file), 'utf8');
      return markers.every((marker) => source.includes(marker));
    });
  } catch {
    return false;
  }
}
