/**
 * The server side of app-state sync (`xmlns="w:sync:app:state"`): per account and collection, the
 * list of encrypted `SyncdPatch`es its devices uploaded. Like WhatsApp's server, the emulator
 * cannot read them (they are encrypted with the account's app-state key, which only the phone
 * and its linked devices hold); it numbers them, keeps them and hands them to the other devices.
 *
 * - A sync request `<collection name version=N return_snapshot/>` is answered with every patch
 *   after version N, each carrying its version, under `<patches>`; the collection's `version`
 *   attribute is the newest. No snapshots are made: a device that starts from 0 replays every
 *   patch, which gives the same LTHash as the devices that made them.
 * - An upload `<collection name version=N><patch>…</patch></collection>` must build on the newest
 *   version (N = newest): it becomes version N + 1. Otherwise the collection answers
 *   `<error code="409" text="conflict"/>` (as WhatsApp does), so the device syncs and tries again.
 */
import { proto } from '@whiskeysockets/baileys';

import type { AccountRecord } from '../accounts/types.js';
import type { AccountStore } from '../accounts/store.js';

export class AppStateCollections {
  constructor(private readonly store: AccountStore) {}

  /** The newest version of a collection (0: nothing uploaded yet). */
  version(account: AccountRecord, name: string): number {
    return account.appState?.[name]?.length ?? 0;
  }

  /** Encoded patches after `version`, each with its version set. */
  since(account: AccountRecord, name: string, version: number): Buffer[] {
    return (account.appState?.[name] ?? []).slice(Math.max(0, version));
  }

  /**
   * Appends an uploaded patch that builds on `baseVersion`; returns its decoded form with its new
   * version, or undefined when `baseVersion` is not the newest (a conflict).
   */
  append(
    account: AccountRecord,
    name: string,
    baseVersion: number,
    bytes: Buffer,
  ): proto.SyncdPatch | undefined {
    if (baseVersion !== this.version(account, name)) return undefined;
    const patch = proto.SyncdPatch.decode(bytes);
    patch.version = proto.SyncdVersion.create({ version: baseVersion + 1 });
    const collections = (account.appState ??= {});
    (collections[name] ??= []).push(Buffer.from(proto.SyncdPatch.encode(patch).finish()));
    this.store.changed();
    return patch;
  }
}
