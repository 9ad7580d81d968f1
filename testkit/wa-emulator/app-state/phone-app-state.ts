/**
 * The primary phone's side of app-state sync. On WhatsApp the phone makes the account's
 * app-state key and shares it with every linked device in an encrypted
 * `protocolMessage{APP_STATE_SYNC_KEY_SHARE}`; without it a device cannot read or write
 * app-state (Baileys: "App state key not present!" on `chatModify`). Here:
 *
 * - the key is derived from the account's identity key, so it is the same after an emulator
 *   restart (no extra state to persist) and differs between accounts;
 * - `shareKey` sends it to a device after each of its logins (a repeated share is harmless);
 * - `PhoneAppState` is the phone's decoded view of the account's collections: it applies every
 *   uploaded patch with Baileys' own decoder (so tests can see on "the phone" what a linked
 *   device did), and makes patches of its own with Baileys' encoder (a change made on the phone,
 *   which the linked devices then sync).
 */
import { createHmac, randomBytes } from 'node:crypto';

import {
  chatModificationToAppPatch,
  decodePatches,
  encodeSyncdPatch,
  encodeWAMessage,
  newLTHashState,
  proto,
  type ChatModification,
  type LTHashState,
} from '@whiskeysockets/baileys';

import type { AccountRecord } from '../accounts/types.js';
import { node } from '../binary.js';
import type { DeviceSession, EmulatorContext } from '../context.js';
import { deviceJid, unixNow, userJid } from '../jids.js';

export interface AppStateKey {
  /** base64 of the 6-byte key id, as Baileys stores it. */
  id: string;
  keyData: proto.Message.IAppStateSyncKeyData;
}

/** The account's app-state sync key (derived, stable across restarts). */
export function appStateKeyOf(account: AccountRecord): AppStateKey {
  const derive = (label: string) => createHmac('sha256', account.identity.private).update(label).digest();
  const keyId = derive('chatdock-emulator app-state key id').subarray(0, 6);
  return {
    id: keyId.toString('base64'),
    keyData: {
      keyData: derive('chatdock-emulator app-state key'),
      fingerprint: { rawId: keyId.readUInt32BE(0), currentIndex: 0, deviceIndexes: [0] },
      timestamp: account.createdAt * 1000,
    },
  };
}

/** The phone shares the account's app-state key with one of its linked devices. */
export async function shareAppStateKey(ctx: EmulatorContext, session: DeviceSession): Promise<void> {
  const { account, device } = session;
  const key = appStateKeyOf(account);
  const message: proto.IMessage = {
    protocolMessage: {
      type: proto.Message.ProtocolMessage.Type.APP_STATE_SYNC_KEY_SHARE,
      appStateSyncKeyShare: {
        keys: [{ keyId: { keyId: Buffer.from(key.id, 'base64') }, keyData: key.keyData }],
      },
    },
  };
  const enc = await ctx.phones
    .of(account)
    .encryptFor(deviceJid(account.lid, device.id, 'lid'), device, encodeWAMessage(message));
  ctx.hub.deliver(
    account,
    device.id,
    node(
      'message',
      {
        from: userJid(account.phone),
        id: `3EB0${randomBytes(9).toString('hex').toUpperCase()}`,
        t: String(unixNow()),
        type: 'text',
        category: 'peer',
      },
      [enc],
    ),
  );
}

/** One decoded app-state entry: its index (e.g. `["archive","123@s.whatsapp.net"]`) and value. */
export interface AppStateEntry {
  index: string[];
  value: proto.ISyncActionValue;
  operation: 'set' | 'remove';
}

/** What the phone knows of one account's app-state, decoded. */
export class PhoneAppState {
  private readonly states = new Map<string, LTHashState>();
  /** Decoded entries by JSON index. */
  private readonly entries = new Map<string, AppStateEntry>();
  /** Runs one patch at a time, in version order. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly account: AccountRecord) {}

  /** Every entry whose index starts with `action` (e.g. `archive`, `pin_v1`, `mute`, `star`). */
  entriesOf(action: string): AppStateEntry[] {
    return [...this.entries.values()].filter((entry) => entry.index[0] === action);
  }

  /** Resolves once every patch handed to `apply` so far is applied. */
  async idle(): Promise<void> {
    await this.queue;
  }

  entry(index: string[]): AppStateEntry | undefined {
    return this.entries.get(JSON.stringify(index));
  }

  /** Applies a stored patch (version set) of collection `name`. */
  apply(name: string, patch: proto.ISyncdPatch, onEntry?: (entry: AppStateEntry) => void): Promise<void> {
    const run = async () => {
      const initial = this.states.get(name) ?? newLTHashState();
      const key = appStateKeyOf(this.account);
      const getKey = async (id: string) => (id === key.id ? (key.keyData as never) : undefined);
      const { state, mutationMap } = await decodePatches(name as never, [patch], initial, getKey, {});
      this.states.set(name, state);
      for (const mutation of Object.values(mutationMap)) {
        const entry: AppStateEntry = {
          index: mutation.index,
          value: mutation.syncAction.value ?? {},
          operation: 'set',
        };
        this.entries.set(JSON.stringify(mutation.index), entry);
        onEntry?.(entry);
      }
    };
    const result = this.queue.then(run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Encodes a change made on the phone as a patch on top of the phone's current state of its
   * collection; the caller stores it (which must succeed at this version) and applies it.
   */
  async encode(
    mod: ChatModification,
    jid: string,
  ): Promise<{ name: string; bytes: Buffer; baseVersion: number }> {
    const create = chatModificationToAppPatch(mod, jid);
    const key = appStateKeyOf(this.account);
    const getKey = async (id: string) => (id === key.id ? (key.keyData as never) : undefined);
    await this.queue;
    const initial = this.states.get(create.type) ?? newLTHashState();
    const { patch } = await encodeSyncdPatch(create, key.id, initial, getKey);
    return {
      name: create.type,
      bytes: Buffer.from(proto.SyncdPatch.encode(patch).finish()),
      baseVersion: initial.version,
    };
  }
}
